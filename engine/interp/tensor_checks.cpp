#include "interp/tensor_checks.h"

#include "ir/error.h"
#include "ir/validate.h"

#include <fmt/format.h>

#include <algorithm>

namespace qgold::interp {
namespace {

// Largest tensor an executor allocates (2^31 floats = 8 GiB).
constexpr int64_t kMaxElements = int64_t{1} << 31;

// Element count of a shape whose dims are all >= 0, or -1 if it exceeds kMaxElements.
int64_t checked_element_count(const ir::Shape &shape) {
  int64_t count = 1;
  for (int32_t dim : shape) {
    if (dim == 0)
      return 0;
    if (count > kMaxElements / dim)
      return -1;
    count *= dim;
  }
  return count;
}

// Graph inputs are float32 (the interpreter is fed floats); outputs may also be
// the int32/int64 or bool results of ops such as ArgMax or comparisons.
bool io_dtype_runs(ir::DType dtype, std::string_view role) {
  if (dtype == ir::DType::Float32)
    return true;
  return role == "output" &&
         (dtype == ir::DType::Int32 || dtype == ir::DType::Int64 || dtype == ir::DType::Bool);
}

bool feedable(ir::DType dtype) {
  switch (dtype) {
  case ir::DType::Float32:
  case ir::DType::UInt8:
  case ir::DType::Int8:
  case ir::DType::Int16:
  case ir::DType::Int32:
  case ir::DType::Int64:
  case ir::DType::Bool:
    return true;
  default:
    return false;
  }
}

void check_graph_io(const ir::Model &model, const std::vector<int32_t> &indices,
                    std::string_view role, bool integer_io) {
  for (size_t i = 0; i < indices.size(); ++i) {
    const int32_t index = indices[i];
    if (index < 0 || index >= static_cast<int32_t>(model.tensors.size()))
      throw InputError(fmt::format("graph {} {} refers to tensor #{}, but the model has {} tensors",
                                   role, i, index, model.tensors.size()));
    const ir::Tensor &tensor = model.tensors[static_cast<size_t>(index)];
    if (integer_io ? !feedable(tensor.dtype) : !io_dtype_runs(tensor.dtype, role))
      throw UnsupportedError(fmt::format(
          "graph {} {} ({}) is {}; {}", role, i, tensor_label(model, index), ir::dtype_name(tensor.dtype),
          integer_io ? "graph inputs and outputs are FLOAT32, UINT8, INT8, INT16, INT32, INT64 or BOOL"
                     : "the float interpreter takes float32 inputs and gives float32, int32, int64 or bool outputs"));
  }
}

} // namespace

std::string tensor_label(const ir::Model &model, int32_t index) {
  return fmt::format("tensor #{} '{}'", index, model.tensors[static_cast<size_t>(index)].name);
}

std::vector<int64_t> check_tensors(const ir::Model &model, bool integer_io) {
  // Kernels then rely on operand counts, roles and shapes being consistent.
  try {
    ir::validate_model(model);
  } catch (const ir::ModelError &e) {
    throw InputError(e.what());
  }
  check_graph_io(model, model.inputs, "input", integer_io);
  check_graph_io(model, model.outputs, "output", integer_io);
  std::vector<int64_t> counts(model.tensors.size(), 0);
  for (size_t i = 0; i < model.tensors.size(); ++i) {
    const ir::Tensor &tensor = model.tensors[i];
    const auto index = static_cast<int32_t>(i);
    if (std::any_of(tensor.shape.begin(), tensor.shape.end(), [](int32_t d) { return d < 0; }))
      throw InputError(fmt::format("{} has a negative dimension in shape {}",
                                   tensor_label(model, index), ir::shape_to_string(tensor.shape)));
    counts[i] = checked_element_count(tensor.shape);
    if (counts[i] < 0)
      throw InputError(fmt::format("{} of shape {} has more than {} elements",
                                   tensor_label(model, index), ir::shape_to_string(tensor.shape),
                                   kMaxElements));
    if (tensor.dtype == ir::DType::Float32 && tensor.is_constant() &&
        tensor.data->size() != static_cast<size_t>(counts[i]) * sizeof(float))
      throw InputError(fmt::format("{} holds {} bytes of data, expected {} for FLOAT32 {}",
                                   tensor_label(model, index), tensor.data->size(), counts[i] * 4,
                                   ir::shape_to_string(tensor.shape)));
  }
  for (int32_t index : model.inputs)
    if (model.tensors[static_cast<size_t>(index)].is_constant())
      throw InputError(fmt::format("graph input {} is a constant", tensor_label(model, index)));
  return counts;
}

TensorBuffers initial_buffers(const ir::Model &model) {
  TensorBuffers buffers;
  buffers.data.assign(model.tensors.size(), nullptr);
  buffers.written.assign(model.tensors.size(), false);
  for (size_t i = 0; i < model.tensors.size(); ++i)
    buffers.written[i] = model.tensors[i].is_constant(); // int32 constants are read at bind time
  for (int32_t index : model.inputs)
    buffers.written[static_cast<size_t>(index)] = true;
  return buffers;
}

std::vector<BoundKernel> bind_kernels(const ir::Model &model, TensorBuffers &buffers,
                                      bool integer_kernels) {
  std::vector<BoundKernel> kernels;
  for (size_t i = 0; i < model.operators.size(); ++i) {
    const Operands operands(model, static_cast<int32_t>(i), buffers);
    const bool integer = integer_kernels && runs_on_integers(model, model.operators[i]);
    kernels.push_back(integer ? bind_quantized_kernel(operands) : bind_kernel(operands));
    for (int32_t output : model.operators[i].outputs) {
      if (buffers.written[static_cast<size_t>(output)])
        operands.fail(
            fmt::format("{} is listed twice among its outputs", tensor_label(model, output)));
      buffers.written[static_cast<size_t>(output)] = true;
    }
  }
  return kernels;
}

} // namespace qgold::interp
