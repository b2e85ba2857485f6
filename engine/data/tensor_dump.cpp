// circle-tensordump --tensors_to_hdf5 layout (formats.md §3.2): per named
// tensor a root group (name with '/' -> '_') holding `weights` for constants,
// 1-D `min`, `max`, `scale` (float32) and `zero_point` (int64) when non-empty,
// and a scalar int32 `quantized_dimension` whenever quantization exists.
#include "data/tensor_dump.h"

#include "data/h5_util.h"
#include "data/spec_util.h"

#include "format/output_file.h"
#include "ir/error.h"

#include <algorithm>
#include <map>

namespace qgold::data {
namespace {

namespace fs = std::filesystem;

bool dumpable_weights(ir::DType dtype) {
  switch (dtype) {
  case ir::DType::UInt8:
  case ir::DType::Int8:
  case ir::DType::Int16:
  case ir::DType::Int32:
  case ir::DType::Int64:
  case ir::DType::Float32:
    return true;
  default:
    return false;
  }
}

std::string describe_tensor(const ir::Model &model, size_t index) {
  return "tensor " + std::to_string(index) + " ('" + model.tensors[index].name + "')";
}

// Checks everything that could fail on the model's side before a file exists.
void check_dumpable(const ir::Model &model, const std::string &file) {
  std::map<std::string, size_t> groups;
  for (size_t i = 0; i < model.tensors.size(); ++i) {
    const ir::Tensor &tensor = model.tensors[i];
    if (tensor.name.empty())
      continue;
    std::string group = tensor.name;
    std::replace(group.begin(), group.end(), '/', '_');
    if (const auto [it, inserted] = groups.emplace(group, i); !inserted)
      throw InputError(file + ": " + describe_tensor(model, it->second) + " and " +
                       describe_tensor(model, i) + " both dump to group '" + group + "'");
    const std::string where = file + ": " + describe_tensor(model, i);
    if (std::any_of(tensor.shape.begin(), tensor.shape.end(), [](int32_t dim) { return dim < 0; }))
      throw InputError(where + ": negative dimension in shape " +
                       ir::shape_to_string(tensor.shape));
    if (!tensor.is_constant())
      continue;
    if (!dumpable_weights(tensor.dtype))
      throw UnsupportedError(where + ": cannot dump " + std::string(ir::dtype_name(tensor.dtype)) +
                             " weights (circle-tensordump writes u8, i8, i16, i32, i64 and f32)");
    const uint64_t expected =
        static_cast<uint64_t>(tensor.num_elements()) * ir::dtype_size(tensor.dtype);
    if (tensor.data->size() != expected)
      throw InputError(where + ": holds " + std::to_string(tensor.data->size()) +
                       " bytes of data, " + dtype_label(tensor.dtype) + " " +
                       ir::shape_to_string(tensor.shape) + " needs " + std::to_string(expected));
  }
}

template <typename T>
void write_vector(hid_t group, const char *name, hid_t file_type, hid_t memory_type,
                  const std::vector<T> &values, const std::string &where) {
  if (values.empty())
    return;
  h5::write_dataset(group, name, file_type, memory_type, {values.size()}, values.data(),
                    where + ": cannot write dataset " + name);
}

void write_tensor(hid_t file, const ir::Model &model, size_t index, const std::string &file_name) {
  const ir::Tensor &tensor = model.tensors[index];
  std::string name = tensor.name;
  std::replace(name.begin(), name.end(), '/', '_');
  const std::string where =
      file_name + ": " + describe_tensor(model, index) + ", group '" + name + "'";
  h5::Handle group =
      h5::check(H5Gcreate2(file, name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose,
                where + ": cannot create the group");
  if (tensor.is_constant()) {
    h5::Handle file_type = h5::file_type(tensor.dtype, where);
    h5::Handle memory_type = h5::memory_type(tensor.dtype, where);
    const std::vector<hsize_t> dims(tensor.shape.begin(), tensor.shape.end());
    h5::write_dataset(group.get(), "weights", file_type.get(), memory_type.get(), dims,
                      tensor.data->data(), where + ": cannot write dataset weights");
  }
  if (!tensor.quant)
    return;
  const ir::QuantParams &quant = *tensor.quant;
  write_vector(group.get(), "min", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, quant.min, where);
  write_vector(group.get(), "max", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, quant.max, where);
  write_vector(group.get(), "scale", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, quant.scale, where);
  write_vector(group.get(), "zero_point", H5T_STD_I64LE, H5T_NATIVE_INT64, quant.zero_point, where);
  h5::write_dataset(group.get(), "quantized_dimension", H5T_STD_I32LE, H5T_NATIVE_INT32, {},
                    &quant.quantized_dimension,
                    where + ": cannot write dataset quantized_dimension");
}

} // namespace

void dump_tensors_h5(const ir::Model &model, const fs::path &path) {
  const std::string file_name = path.string();
  check_dumpable(model, file_name);
  // Written to a temporary that replaces `path` only when complete (format/output_file.h).
  format::StagedOutput staged(path);
  {
    h5::Lock lock(h5::library_mutex());
    h5::silence_errors();
    h5::Handle file = h5::check(H5Fcreate(staged.path().c_str(), H5F_ACC_TRUNC, H5P_DEFAULT,
                                          h5::file_access().get()),
                                H5Fclose, file_name + ": cannot create the HDF5 file");
    for (size_t i = 0; i < model.tensors.size(); ++i)
      if (!model.tensors[i].name.empty())
        write_tensor(file.get(), model, i, file_name);
    if (!file.close())
      h5::fail(file_name + ": cannot finish writing the HDF5 file");
  }
  staged.commit();
}

} // namespace qgold::data
