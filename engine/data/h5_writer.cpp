// Writes ONE's typed record-minmax layout: /value (attribute desc), then one
// group /value/<i> per appended record holding datasets "0".."K-1" with the
// inputs' dtypes (little-endian) and shapes, each naming its tensor in a
// `name` attribute.
#include "data/h5_util.h"
#include "data/spec_util.h"

#include "format/output_file.h"
#include "ir/error.h"

#include <optional>
#include <stdexcept>

namespace qgold::data {

struct H5DatasetWriter::Impl {
  std::string file_name; // the target, named in every message
  // Where the file is written until close() commits it; outlives the handles below.
  std::optional<format::StagedOutput> staged;
  std::vector<InputSpec> specs;
  std::vector<h5::Handle> file_types, memory_types;
  std::vector<std::vector<hsize_t>> dims;
  h5::Handle file, value; // value closes before file
  size_t records = 0;
  bool closed = false;
};

H5DatasetWriter::H5DatasetWriter(const std::filesystem::path &path, std::vector<InputSpec> specs)
    : impl_(std::make_unique<Impl>()) {
  Impl &impl = *impl_;
  impl.file_name = path.string();
  check_specs(specs, path);
  h5::Lock lock(h5::library_mutex());
  h5::silence_errors();
  for (size_t j = 0; j < specs.size(); ++j) {
    const std::string context = impl.file_name + ": " + describe_input(specs, j);
    impl.file_types.push_back(h5::file_type(specs[j].dtype, context));
    impl.memory_types.push_back(h5::memory_type(specs[j].dtype, context));
    impl.dims.emplace_back(specs[j].shape.begin(), specs[j].shape.end());
  }
  impl.specs = std::move(specs);

  impl.staged.emplace(path);
  impl.file = h5::check(H5Fcreate(impl.staged->path().c_str(), H5F_ACC_TRUNC, H5P_DEFAULT,
                                  h5::file_access().get()),
                        H5Fclose, impl.file_name + ": cannot create the HDF5 file");
  impl.value =
      h5::check(H5Gcreate2(impl.file.get(), "value", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                H5Gclose, impl.file_name + ": cannot create group /value");
  std::string names;
  for (const InputSpec &spec : impl.specs)
    names += (names.empty() ? "" : ", ") + spec.name;
  h5::write_string_attribute(impl.value.get(), "desc", "Input data for inputs: " + names,
                             impl.file_name + ": cannot write attribute /value/desc");
}

H5DatasetWriter::~H5DatasetWriter() {
  h5::Lock lock(h5::library_mutex());
  impl_.reset(); // without close(): the handles close and the staged temporary is removed
}

void H5DatasetWriter::append(const Record &record) {
  Impl &impl = *impl_;
  if (impl.closed)
    throw std::logic_error(impl.file_name + ": append() after close()");
  h5::Lock lock(h5::library_mutex());
  const std::string name = std::to_string(impl.records);
  const std::string where =
      impl.file_name + ": record " + name + (record.id.empty() ? "" : " ('" + record.id + "')");
  if (record.inputs.size() != impl.specs.size())
    throw InputError(where + ": has " + std::to_string(record.inputs.size()) +
                     " inputs, the model has " + std::to_string(impl.specs.size()));
  for (size_t j = 0; j < impl.specs.size(); ++j)
    if (record.inputs[j].size() != byte_size(impl.specs[j]))
      throw InputError(where + ", " + describe_input(impl.specs, j) + ": holds " +
                       std::to_string(record.inputs[j].size()) + " bytes, " +
                       describe_spec(impl.specs[j]) + " needs " +
                       std::to_string(byte_size(impl.specs[j])));
  // HDF5 would silently map other bytes to an invalid enum value.
  for (size_t j = 0; j < impl.specs.size(); ++j)
    if (impl.specs[j].dtype == ir::DType::Bool)
      for (uint8_t byte : record.inputs[j])
        if (byte > 1)
          throw InputError(where + ", " + describe_input(impl.specs, j) +
                           ": bool values must be 0 or 1, got " + std::to_string(byte));

  h5::Handle group =
      h5::check(H5Gcreate2(impl.value.get(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                H5Gclose, where + ": cannot create group /value/" + name);
  if (!record.id.empty())
    h5::write_string_attribute(group.get(), "desc", record.id,
                               where + ": cannot write attribute desc");
  for (size_t j = 0; j < impl.specs.size(); ++j)
    h5::write_dataset(group.get(), std::to_string(j), impl.file_types[j].get(),
                      impl.memory_types[j].get(), impl.dims[j], record.inputs[j].data(),
                      where + ", " + describe_input(impl.specs, j) +
                          ": cannot write dataset /value/" + name + "/" + std::to_string(j),
                      impl.specs[j].name);
  ++impl.records;
}

void H5DatasetWriter::close() {
  Impl &impl = *impl_;
  if (impl.closed)
    return;
  impl.closed = true;
  h5::Lock lock(h5::library_mutex());
  const bool flushed = H5Fflush(impl.file.get(), H5F_SCOPE_LOCAL) >= 0;
  impl.value.close();
  if (!impl.file.close() || !flushed)
    h5::fail(impl.file_name + ": cannot finish writing the HDF5 file");
  impl.staged->commit();
}

} // namespace qgold::data
