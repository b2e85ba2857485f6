#include "data/h5_util.h"

#include "ir/error.h"

#include <cstdlib>
#include <memory>
#include <mutex>

namespace qgold::data::h5 {
namespace {

// The innermost HDF5 error description: the reason closest to the failure.
std::string innermost_reason() {
  std::string reason;
  auto take_first = [](unsigned depth, const H5E_error2_t *error, void *out) -> herr_t {
    if (depth == 0 && error->desc && *error->desc)
      *static_cast<std::string *>(out) = error->desc;
    return 0;
  };
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, take_first, &reason);
  H5Eclear2(H5E_DEFAULT);
  return reason;
}

Handle copy_type(hid_t predefined) { return Handle(H5Tcopy(predefined), H5Tclose); }

} // namespace

std::recursive_mutex &library_mutex() {
  static std::recursive_mutex mutex;
  return mutex;
}

void reset_library_mutex_in_child() { std::construct_at(&library_mutex()); }

void silence_errors() {
  static std::once_flag once;
  std::call_once(once, [] { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); });
}

void fail(const std::string &what) {
  const std::string reason = innermost_reason();
  throw InputError(reason.empty() ? what : what + " (" + reason + ")");
}

Handle check(hid_t id, Handle::Closer closer, const std::string &what) {
  if (id < 0)
    fail(what);
  return Handle(id, closer);
}

herr_t check(herr_t status, const std::string &what) {
  if (status < 0)
    fail(what);
  return status;
}

Handle file_access() {
  Handle properties =
      check(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, "cannot create HDF5 file access properties");
  check(H5Pset_file_locking(properties.get(), false, true), "cannot turn off HDF5 file locking");
  return properties;
}

Handle make_bool_enum(hid_t base) {
  Handle type = check(H5Tenum_create(base), H5Tclose, "cannot create the bool enum type");
  const int8_t false_value = 0, true_value = 1;
  check(H5Tenum_insert(type.get(), "FALSE", &false_value), "cannot create the bool enum type");
  check(H5Tenum_insert(type.get(), "TRUE", &true_value), "cannot create the bool enum type");
  return type;
}

bool is_bool_enum(hid_t type) {
  if (H5Tget_class(type) != H5T_ENUM || H5Tget_size(type) != 1 || H5Tget_nmembers(type) != 2)
    return false;
  for (unsigned i = 0; i < 2; ++i) {
    char *name = H5Tget_member_name(type, i);
    int8_t value = -1;
    const bool read = name && H5Tget_member_value(type, i, &value) >= 0;
    const std::string member = name ? name : "";
    H5free_memory(name);
    if (!read || member != (value == 0 ? "FALSE" : "TRUE") || (value != 0 && value != 1))
      return false;
  }
  return true;
}

std::string describe_type(hid_t type) {
  const size_t bits = H5Tget_size(type) * 8;
  switch (H5Tget_class(type)) {
  case H5T_FLOAT:
    return "float" + std::to_string(bits);
  case H5T_INTEGER:
    return (H5Tget_sign(type) == H5T_SGN_NONE ? "uint" : "int") + std::to_string(bits);
  case H5T_ENUM:
    return is_bool_enum(type) ? "bool" : "enum" + std::to_string(bits);
  case H5T_STRING:
    return "string";
  case H5T_COMPOUND:
    return "compound";
  case H5T_ARRAY:
    return "array";
  case H5T_VLEN:
    return "variable-length";
  case H5T_OPAQUE:
    return "opaque";
  case H5T_BITFIELD:
    return "bitfield";
  case H5T_REFERENCE:
    return "reference";
  default:
    return "unknown type";
  }
}

bool type_matches(hid_t type, ir::DType dtype) {
  const H5T_class_t type_class = H5Tget_class(type);
  const size_t size = H5Tget_size(type);
  auto is_signed = [type] { return H5Tget_sign(type) == H5T_SGN_2; };
  switch (dtype) {
  case ir::DType::Float32:
  case ir::DType::Float64:
    return type_class == H5T_FLOAT && size == ir::dtype_size(dtype);
  case ir::DType::Int8:
  case ir::DType::Int16:
  case ir::DType::Int32:
  case ir::DType::Int64:
    return type_class == H5T_INTEGER && is_signed() && size == ir::dtype_size(dtype);
  case ir::DType::UInt8:
    return type_class == H5T_INTEGER && !is_signed() && size == 1;
  case ir::DType::Bool:
    return is_bool_enum(type);
  default:
    return false;
  }
}

Handle memory_type(ir::DType dtype, const std::string &context) {
  switch (dtype) {
  case ir::DType::Float32:
    return copy_type(H5T_NATIVE_FLOAT);
  case ir::DType::Float64:
    return copy_type(H5T_NATIVE_DOUBLE);
  case ir::DType::Int8:
    return copy_type(H5T_NATIVE_INT8);
  case ir::DType::Int16:
    return copy_type(H5T_NATIVE_INT16);
  case ir::DType::Int32:
    return copy_type(H5T_NATIVE_INT32);
  case ir::DType::Int64:
    return copy_type(H5T_NATIVE_INT64);
  case ir::DType::UInt8:
    return copy_type(H5T_NATIVE_UINT8);
  case ir::DType::Bool:
    return make_bool_enum(H5T_NATIVE_INT8);
  default:
    throw UnsupportedError(context + ": HDF5 datasets cannot hold " +
                           std::string(ir::dtype_name(dtype)) + " values");
  }
}

Handle file_type(ir::DType dtype, const std::string &context) {
  switch (dtype) {
  case ir::DType::Float32:
    return copy_type(H5T_IEEE_F32LE);
  case ir::DType::Float64:
    return copy_type(H5T_IEEE_F64LE);
  case ir::DType::Int8:
    return copy_type(H5T_STD_I8LE);
  case ir::DType::Int16:
    return copy_type(H5T_STD_I16LE);
  case ir::DType::Int32:
    return copy_type(H5T_STD_I32LE);
  case ir::DType::Int64:
    return copy_type(H5T_STD_I64LE);
  case ir::DType::UInt8:
    return copy_type(H5T_STD_U8LE);
  case ir::DType::Bool:
    return make_bool_enum(H5T_STD_I8LE);
  default:
    throw UnsupportedError(context + ": HDF5 datasets cannot hold " +
                           std::string(ir::dtype_name(dtype)) + " values");
  }
}

std::vector<hsize_t> extent(hid_t space, const std::string &what) {
  const int rank = H5Sget_simple_extent_ndims(space);
  if (rank < 0)
    fail(what);
  std::vector<hsize_t> dims(static_cast<size_t>(rank));
  if (rank > 0)
    check(H5Sget_simple_extent_dims(space, dims.data(), nullptr), what);
  return dims;
}

std::string extent_to_string(const std::vector<hsize_t> &dims) {
  std::string out = "[";
  for (size_t i = 0; i < dims.size(); ++i)
    out += (i ? "," : "") + std::to_string(dims[i]);
  return out + "]";
}

void write_dataset(hid_t parent, const std::string &name, hid_t file_type, hid_t memory_type,
                   const std::vector<hsize_t> &dims, const void *data, const std::string &what,
                   const std::string &label) {
  Handle space =
      check(dims.empty() ? H5Screate(H5S_SCALAR)
                         : H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr),
            H5Sclose, what);
  Handle dataset = check(H5Dcreate2(parent, name.c_str(), file_type, space.get(), H5P_DEFAULT,
                                    H5P_DEFAULT, H5P_DEFAULT),
                         H5Dclose, what);
  if (H5Sget_simple_extent_npoints(space.get()) > 0)
    check(H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), what);
  if (!label.empty())
    write_string_attribute(dataset.get(), "name", label, what);
  if (!dataset.close())
    fail(what);
}

void write_string_attribute(hid_t object, const std::string &name, const std::string &value,
                            const std::string &what) {
  Handle type = check(H5Tcopy(H5T_C_S1), H5Tclose, what);
  check(H5Tset_size(type.get(), H5T_VARIABLE), what);
  check(H5Tset_cset(type.get(), H5T_CSET_UTF8), what);
  Handle space = check(H5Screate(H5S_SCALAR), H5Sclose, what);
  Handle attribute =
      check(H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
            H5Aclose, what);
  const char *text = value.c_str();
  check(H5Awrite(attribute.get(), type.get(), &text), what);
}

} // namespace qgold::data::h5
