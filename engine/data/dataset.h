#pragma once

#include "ir/model.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace qgold::data {

// What a model expects of one input.
struct InputSpec {
  std::string name;
  ir::DType dtype;
  ir::Shape shape;
};

std::vector<InputSpec> input_specs(const ir::Model &model);

// One calibration record: one buffer per model input, in input order, holding
// the input's dtype (little-endian, row-major).
struct Record {
  std::string id; // "record 3", "3.txt", ... (an HDF5 writer stores it as the record's desc)
  std::vector<std::vector<uint8_t>> inputs;
  // Where a reader found the record, the dataset file named: "data.h5: record
  // 3", "inputs/3.txt". Empty for a record made in memory.
  std::string location = {};
  // For messages: the location, else the id.
  const std::string &where() const { return location.empty() ? id : location; }
};

// Streams records one at a time so a dataset never has to fit in memory.
class DatasetReader {
public:
  virtual ~DatasetReader() = default;
  // Number of records, when known up front.
  virtual std::optional<size_t> size() const = 0;
  // Reads the next record into `record`; false at the end. Shape, dtype and
  // count mismatches are InputErrors naming the file, record and input.
  virtual bool next(Record &record) = 0;
  // Moves past the next `count` records (fewer if the dataset ends first). The
  // readers of open_dataset() do it without reading them, so a skipped record
  // is not checked; this default reads and drops them.
  virtual void skip(size_t count);
};

// Opens a dataset and checks it against `specs`:
//  - *.h5 / *.hdf5: ONE's record-minmax layout /value/<record>/<input>;
//  - a folder of *.txt: one record per file (sorted by name), one line per input;
//  - a folder of *.npy: one record per file (<record>_<input>.npy for multi-input models),
//    or one file per input with a leading record axis when the folder holds exactly
//    0.npy .. <K-1>.npy (or, for one input, a single file of rank + 1); engine/data/README.md;
//  - a single *.npy file (single-input models): one record, or records along axis 0;
//  - a single .txt file: one record.
std::unique_ptr<DatasetReader> open_dataset(const std::filesystem::path &path,
                                            const std::vector<InputSpec> &specs);

// Shard `index` of `count` (0 <= index < count) of a dataset of T records is
// the contiguous block [T*index/count, T*(index+1)/count): blocks differ in
// size by at most one record and, in shard order, tile the dataset.
struct Shard {
  size_t index = 0, count = 1;
};
struct RecordBlock {
  size_t begin = 0, end = 0;
  size_t size() const { return end - begin; }
};
RecordBlock shard_block(size_t records, Shard shard);

// The records of one shard's block, in order; record ids stay the dataset's.
class ShardReader final : public DatasetReader {
public:
  // Skips to the block; `all` must know its size (every reader of open_dataset() does).
  ShardReader(std::unique_ptr<DatasetReader> all, Shard shard);
  std::optional<size_t> size() const override { return block_.size(); }
  bool next(Record &record) override;
  void skip(size_t count) override;
  size_t dataset_records() const { return records_; }
  const RecordBlock &block() const { return block_; }

private:
  std::unique_ptr<DatasetReader> all_;
  size_t records_;
  RecordBlock block_;
  size_t read_ = 0; // records of the block passed on or skipped
};

// open_dataset() limited to one shard. Only the block's records are read, also
// by the crash barrier of an HDF5 file (h5_crash_barrier.h).
std::unique_ptr<ShardReader> open_dataset_shard(const std::filesystem::path &path,
                                                const std::vector<InputSpec> &specs, Shard shard);

// Writes records in ONE's h5 layout (typed datasets, shapes from specs), under
// qgold's output policy (format/output_file.h): the records go to a temporary
// beside `path` that close() puts in place. A writer destroyed without close()
// (an error on the way) leaves `path` as it was. Errors name `path`.
class H5DatasetWriter {
public:
  H5DatasetWriter(const std::filesystem::path &path, std::vector<InputSpec> specs);
  ~H5DatasetWriter();
  void append(const Record &record);
  void close();

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace qgold::data
