// NumPy dataset layouts (K = number of model inputs, S_j = shape of input j):
//  1. Stacked: one file per input holding every record along a leading axis,
//     shape [N] + S_j, the same N in every file. Chosen when
//       K == 1: the dataset is a single .npy file of rank rank(S_0) + 1;
//       K  > 1: the folder holds exactly the files 0.npy .. <K-1>.npy.
//  2. One record per file, otherwise:
//       K == 1: every .npy file is one record of shape S_0, in file-name order;
//       K  > 1: files are named <record>_<input>.npy (input = 0..K-1, the
//               record part is any text), records in <record>-name order.
// dtype and shape must equal the model input; big-endian data is swapped.
#include "data/npy.h"
#include "data/readers.h"
#include "data/spec_util.h"

#include "ir/error.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <optional>
#include <span>

namespace qgold::data {
namespace {

namespace fs = std::filesystem;

void swap_elements(std::vector<uint8_t> &bytes, size_t element) {
  for (size_t offset = 0; offset + element <= bytes.size(); offset += element)
    std::reverse(bytes.begin() + offset, bytes.begin() + offset + element);
}

bool shape_equals(std::span<const uint64_t> dims, const ir::Shape &shape) {
  return std::equal(
      dims.begin(), dims.end(), shape.begin(), shape.end(),
      [](uint64_t dim, int32_t expected) { return dim == static_cast<uint64_t>(expected); });
}

std::string expected_npy(const InputSpec &spec) {
  return describe_spec(spec) + " ('" + npy_descr(spec.dtype) + "')";
}

void read_exactly(std::ifstream &in, std::vector<uint8_t> &out, const std::string &file) {
  in.read(reinterpret_cast<char *>(out.data()), static_cast<std::streamsize>(out.size()));
  if (static_cast<size_t>(in.gcount()) != out.size())
    throw InputError(file + ": cannot read the array data");
}

// Layout 2: each record is one file per input.
class NpyRecordReader final : public DatasetReader {
public:
  struct RecordFiles {
    std::string id;
    std::vector<fs::path> inputs; // one per model input
  };

  NpyRecordReader(std::vector<RecordFiles> records, const std::vector<InputSpec> &specs)
      : records_(std::move(records)), specs_(specs) {}

  std::optional<size_t> size() const override { return records_.size(); }

  bool next(Record &record) override {
    if (next_ >= records_.size())
      return false;
    const RecordFiles &files = records_[next_++];
    record.id = files.id;
    record.location = (files.inputs[0].parent_path() / files.id).string();
    record.inputs.resize(specs_.size());
    for (size_t j = 0; j < specs_.size(); ++j)
      read_input(files.inputs[j], j, record.inputs[j]);
    return true;
  }

  void skip(size_t count) override { next_ += std::min(count, records_.size() - next_); }

private:
  void read_input(const fs::path &path, size_t j, std::vector<uint8_t> &out) const {
    const std::string file = path.string();
    const InputSpec &spec = specs_[j];
    const NpyHeader header = read_npy_header(path);
    if (header.dtype != spec.dtype || !shape_equals(header.shape, spec.shape))
      throw InputError(file + ": " + describe_input(specs_, j) + ": expected " +
                       expected_npy(spec) + ", got " + describe_npy(header));
    std::ifstream in(path, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(header.data_offset));
    out.resize(byte_size(spec));
    read_exactly(in, out, file);
    if (header.big_endian)
      swap_elements(out, ir::dtype_size(spec.dtype));
  }

  std::vector<RecordFiles> records_;
  std::vector<InputSpec> specs_;
  size_t next_ = 0;
};

// Layout 1: one open stream per input, advanced one record at a time.
class NpyStackedReader final : public DatasetReader {
public:
  NpyStackedReader(const std::vector<fs::path> &files, const std::vector<InputSpec> &specs)
      : specs_(specs),
        source_(files.size() == 1 ? files[0].string() : files[0].parent_path().string()) {
    for (size_t j = 0; j < specs_.size(); ++j) {
      const std::string file = files[j].string();
      const InputSpec &spec = specs_[j];
      const NpyHeader header = read_npy_header(files[j]);
      const std::span<const uint64_t> dims(header.shape);
      if (header.dtype != spec.dtype || dims.empty() || !shape_equals(dims.subspan(1), spec.shape))
        throw InputError(file + ": " + describe_input(specs_, j) + ": expected " +
                         dtype_label(spec.dtype) + " [N," +
                         ir::shape_to_string(spec.shape).substr(1) + " ('" + npy_descr(spec.dtype) +
                         "') with a leading record axis, got " + describe_npy(header));
      if (j == 0)
        records_ = dims[0];
      else if (dims[0] != records_)
        throw InputError(file + ": holds " + std::to_string(dims[0]) + " records, but " +
                         files[0].string() + " holds " + std::to_string(records_));
      inputs_.push_back({file, std::ifstream(files[j], std::ios::binary), header.big_endian});
      inputs_.back().stream.seekg(static_cast<std::streamoff>(header.data_offset));
    }
    if (records_ == 0)
      throw InputError(files[0].string() + ": holds no records");
  }

  std::optional<size_t> size() const override { return static_cast<size_t>(records_); }

  bool next(Record &record) override {
    if (next_ >= records_)
      return false;
    record.id = "record " + std::to_string(next_++);
    record.location = source_ + ": " + record.id;
    record.inputs.resize(specs_.size());
    for (size_t j = 0; j < specs_.size(); ++j) {
      record.inputs[j].resize(byte_size(specs_[j]));
      read_exactly(inputs_[j].stream, record.inputs[j], inputs_[j].file);
      if (inputs_[j].big_endian)
        swap_elements(record.inputs[j], ir::dtype_size(specs_[j].dtype));
    }
    return true;
  }

  void skip(size_t count) override {
    const uint64_t skipped = std::min<uint64_t>(count, records_ - next_);
    for (size_t j = 0; j < specs_.size(); ++j)
      inputs_[j].stream.seekg(static_cast<std::streamoff>(skipped * byte_size(specs_[j])), std::ios::cur);
    next_ += skipped;
  }

private:
  struct Input {
    std::string file;
    std::ifstream stream;
    bool big_endian;
  };

  std::vector<InputSpec> specs_;
  std::string source_; // the one file, or the folder of 0.npy .. <K-1>.npy
  std::vector<Input> inputs_;
  uint64_t records_ = 0, next_ = 0;
};

// The input index of "<record>_<input>.npy", or nullopt.
std::optional<std::pair<std::string, size_t>> split_record_name(const fs::path &file) {
  const std::string stem = file.stem().string();
  const size_t underscore = stem.rfind('_');
  if (underscore == std::string::npos || underscore == 0 || underscore + 1 == stem.size())
    return std::nullopt;
  const char *first = stem.data() + underscore + 1, *last = stem.data() + stem.size();
  size_t input = 0;
  const auto [end, error] = std::from_chars(first, last, input);
  if (error != std::errc() || end != last)
    return std::nullopt;
  return std::pair{stem.substr(0, underscore), input};
}

std::vector<NpyRecordReader::RecordFiles> group_by_record(const std::vector<fs::path> &files,
                                                          const std::vector<InputSpec> &specs) {
  const size_t inputs = specs.size();
  std::map<std::string, std::vector<fs::path>> records;
  for (const fs::path &file : files) {
    const auto name = split_record_name(file);
    if (!name || name->second >= inputs)
      throw InputError(file.string() + ": a model with " + std::to_string(inputs) +
                       " inputs needs .npy files named <record>_<input>.npy with input 0.." +
                       std::to_string(inputs - 1) + " (e.g. 0_0.npy), or exactly 0.npy.." +
                       std::to_string(inputs - 1) + ".npy holding a leading record axis");
    std::vector<fs::path> &slots = records[name->first];
    slots.resize(inputs);
    if (!slots[name->second].empty())
      throw InputError(file.string() + ": record '" + name->first + "' already has a file for " +
                       describe_input(specs, name->second) + ": " + slots[name->second].string());
    slots[name->second] = file;
  }
  std::vector<NpyRecordReader::RecordFiles> grouped;
  for (auto &[record, slots] : records) {
    for (size_t j = 0; j < inputs; ++j)
      if (slots[j].empty())
        throw InputError(files.front().parent_path().string() + ": record '" + record +
                         "' has no file for " + describe_input(specs, j) + " (expected " + record +
                         "_" + std::to_string(j) + ".npy)");
    grouped.push_back({record + "_*.npy", std::move(slots)});
  }
  return grouped;
}

// Whether `files` are exactly 0.npy .. <K-1>.npy; if so, orders them by input.
bool per_input_files(std::vector<fs::path> &files, size_t inputs) {
  if (files.size() != inputs)
    return false;
  std::vector<fs::path> ordered(inputs);
  for (const fs::path &file : files) {
    const std::string stem = file.stem().string();
    size_t index = 0;
    const auto [end, error] = std::from_chars(stem.data(), stem.data() + stem.size(), index);
    if (error != std::errc() || end != stem.data() + stem.size() || index >= inputs ||
        std::to_string(index) != stem || !ordered[index].empty())
      return false;
    ordered[index] = file;
  }
  files = std::move(ordered);
  return true;
}

} // namespace

std::unique_ptr<DatasetReader> open_npy_dataset(std::vector<fs::path> files,
                                                const std::vector<InputSpec> &specs) {
  std::sort(files.begin(), files.end(), [](const fs::path &a, const fs::path &b) {
    return a.filename().string() < b.filename().string();
  });
  if (specs.size() == 1) {
    if (files.size() == 1 && read_npy_header(files[0]).shape.size() == specs[0].shape.size() + 1)
      return std::make_unique<NpyStackedReader>(files, specs);
    std::vector<NpyRecordReader::RecordFiles> records;
    for (const fs::path &file : files)
      records.push_back({file.filename().string(), {file}});
    return std::make_unique<NpyRecordReader>(std::move(records), specs);
  }
  if (per_input_files(files, specs.size()))
    return std::make_unique<NpyStackedReader>(files, specs);
  return std::make_unique<NpyRecordReader>(group_by_record(files, specs), specs);
}

} // namespace qgold::data
