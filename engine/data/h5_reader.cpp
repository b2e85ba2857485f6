// Reader for ONE's record-minmax HDF5 layout (formats.md §3.1):
//   /value            group; attribute rawData (presence only) selects raw mode
//   /value/<i>        record i, i = "0".."N-1", N = number of objects in /value
//   /value/<i>/<j>    dataset for model input j
// Typed mode: the stored type must hold the input's dtype (any byte order; HDF5
// converts to native on read) and the extent must equal the input shape.
// Raw mode: uint8 datasets whose byte count equals the input's byte size.
#include "data/h5_crash_barrier.h"
#include "data/h5_util.h"
#include "data/readers.h"
#include "data/spec_util.h"

#include "ir/error.h"

#include <algorithm>

namespace qgold::data {
namespace {

class H5Reader final : public DatasetReader {
public:
  H5Reader(const std::filesystem::path &file, const std::vector<InputSpec> &specs)
      : file_name_(file.string()), specs_(specs) {
    h5::Lock lock(h5::library_mutex());
    h5::silence_errors();
    file_ = h5::check(H5Fopen(file_name_.c_str(), H5F_ACC_RDONLY, h5::file_access().get()),
                      H5Fclose, file_name_ + ": cannot open as an HDF5 file");
    if (H5Lexists(file_.get(), "value", H5P_DEFAULT) <= 0)
      h5::fail(file_name_ + ": no group /value (expected ONE's record-minmax layout "
                            "/value/<record>/<input>)");
    value_ = h5::check(H5Gopen2(file_.get(), "value", H5P_DEFAULT), H5Gclose,
                       file_name_ + ": cannot open /value as a group");
    H5G_info_t info;
    h5::check(H5Gget_info(value_.get(), &info), file_name_ + ": cannot list /value");
    records_ = info.nlinks;
    if (records_ == 0)
      throw InputError(file_name_ + ": /value holds no records");
    raw_ = h5::check(H5Aexists(value_.get(), "rawData"),
                     file_name_ + ": cannot read the attributes of /value") > 0;
    if (!raw_)
      for (size_t j = 0; j < specs_.size(); ++j)
        memory_types_.push_back(h5::memory_type(
            specs_[j].dtype, file_name_ + ": " + describe_input(specs_, j) +
                                 " (only raw records, marked by attribute rawData on /value, "
                                 "can feed it)"));
  }

  std::optional<size_t> size() const override { return records_; }

  bool next(Record &record) override {
    if (next_ >= records_)
      return false;
    h5::Lock lock(h5::library_mutex());
    const std::string name = std::to_string(next_);
    const std::string where = file_name_ + ": record " + name;
    if (H5Lexists(value_.get(), name.c_str(), H5P_DEFAULT) <= 0)
      h5::fail(where + ": no group /value/" + name + " (the " + std::to_string(records_) +
               " records in /value must be named 0.." + std::to_string(records_ - 1) + ")");
    h5::Handle group = h5::check(H5Gopen2(value_.get(), name.c_str(), H5P_DEFAULT), H5Gclose,
                                 where + ": cannot open /value/" + name + " as a group");
    H5G_info_t info;
    h5::check(H5Gget_info(group.get(), &info), where + ": cannot list /value/" + name);
    if (info.nlinks != specs_.size())
      throw InputError(where + ": holds " + std::to_string(info.nlinks) +
                       " inputs, the model has " + std::to_string(specs_.size()));

    record.id = "record " + name;
    record.location = where;
    record.inputs.resize(specs_.size());
    for (size_t j = 0; j < specs_.size(); ++j)
      read_input(group.get(), name, j, record.inputs[j]);
    ++next_;
    return true;
  }

  void skip(size_t count) override { next_ += std::min(count, records_ - next_); }

private:
  void read_input(hid_t group, const std::string &record, size_t j, std::vector<uint8_t> &out) {
    const std::string name = std::to_string(j);
    const std::string object = "/value/" + record + "/" + name;
    const std::string where = file_name_ + ": record " + record + ", " + describe_input(specs_, j);
    if (H5Lexists(group, name.c_str(), H5P_DEFAULT) <= 0)
      h5::fail(where + ": no dataset " + object);
    h5::Handle dataset = h5::check(H5Dopen2(group, name.c_str(), H5P_DEFAULT), H5Dclose,
                                   where + ": cannot open dataset " + object);
    h5::Handle type = h5::check(H5Dget_type(dataset.get()), H5Tclose,
                                where + ": cannot read the type of " + object);
    h5::Handle space = h5::check(H5Dget_space(dataset.get()), H5Sclose,
                                 where + ": cannot read the extent of " + object);
    const std::vector<hsize_t> dims = h5::extent(space.get(), where + ": " + object);
    const std::string got = h5::describe_type(type.get()) + " " + h5::extent_to_string(dims);
    const InputSpec &spec = specs_[j];
    out.resize(byte_size(spec));

    hid_t read_type;
    if (raw_) {
      const bool is_uint8 = H5Tget_class(type.get()) == H5T_INTEGER &&
                            H5Tget_size(type.get()) == 1 && H5Tget_sign(type.get()) == H5T_SGN_NONE;
      if (!is_uint8)
        throw InputError(where + ": raw records (rawData on /value) must be uint8 datasets, got " +
                         got);
      const hssize_t count = H5Sget_simple_extent_npoints(space.get());
      if (count < 0 || static_cast<size_t>(count) != out.size())
        throw InputError(where + ": raw record holds " + std::to_string(count) + " bytes, " +
                         describe_spec(spec) + " needs " + std::to_string(out.size()));
      read_type = H5T_NATIVE_UINT8;
    } else {
      if (!h5::type_matches(type.get(), spec.dtype) || !same_extent(dims, spec.shape) ||
          H5Sget_simple_extent_type(space.get()) == H5S_NULL)
        throw InputError(where + ": expected " + describe_spec(spec) + ", got " + got);
      read_type = memory_types_[j].get();
    }
    if (!out.empty())
      h5::check(H5Dread(dataset.get(), read_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()),
                where + ": cannot read dataset " + object);
  }

  static bool same_extent(const std::vector<hsize_t> &dims, const ir::Shape &shape) {
    if (dims.size() != shape.size())
      return false;
    for (size_t i = 0; i < dims.size(); ++i)
      if (dims[i] != static_cast<hsize_t>(shape[i]))
        return false;
    return true;
  }

  std::string file_name_;
  std::vector<InputSpec> specs_;
  h5::Handle file_, value_; // value_ is closed before file_
  std::vector<h5::Handle> memory_types_;
  size_t records_ = 0, next_ = 0;
  bool raw_ = false;
};

} // namespace

std::unique_ptr<DatasetReader> open_h5_dataset_in_process(const std::filesystem::path &file,
                                                          const std::vector<InputSpec> &specs) {
  return std::make_unique<H5Reader>(file, specs);
}

std::unique_ptr<DatasetReader> open_h5_dataset(const std::filesystem::path &file,
                                               const std::vector<InputSpec> &specs,
                                               const Shard *shard) {
  // Every read the reader will make, first in a child process that libhdf5 may
  // crash (h5_crash_barrier.h); the records it reads there are dropped.
  run_behind_crash_barrier(
      file,
      [&] {
        std::unique_ptr<DatasetReader> reader = std::make_unique<H5Reader>(file, specs);
        if (shard)
          reader = std::make_unique<ShardReader>(std::move(reader), *shard);
        Record record;
        while (reader->next(record)) {
        }
      },
      h5_check_timeout(file));
  return open_h5_dataset_in_process(file, specs);
}

} // namespace qgold::data
