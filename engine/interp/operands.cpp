#include "interp/operands.h"

#include "ir/error.h"

#include <fmt/format.h>

#include <climits>

namespace qgold::interp {

Operands::Operands(const ir::Model &model, int32_t op_index, TensorBuffers &buffers)
    : model_(model), op_index_(op_index), op_(model.operators[static_cast<size_t>(op_index)]),
      buffers_(buffers) {
  for (int32_t tensor : op_.inputs)
    if (tensor < -1 || tensor >= static_cast<int32_t>(model_.tensors.size()))
      fail(fmt::format("input tensor index {} is out of range (model has {} tensors)", tensor,
                       model_.tensors.size()));
  for (int32_t tensor : op_.outputs)
    if (tensor < 0 || tensor >= static_cast<int32_t>(model_.tensors.size()))
      fail(fmt::format("output tensor index {} is out of range (model has {} tensors)", tensor,
                       model_.tensors.size()));
}

std::string Operands::label() const {
  return fmt::format("operator #{} ({})", op_index_, ir::op_name(op_.code));
}

void Operands::fail(std::string_view what) const {
  throw InputError(fmt::format("{}: {}", label(), what));
}

std::string Operands::describe_tensor(int32_t tensor) const {
  return fmt::format("tensor #{} '{}'", tensor, model_.tensors[static_cast<size_t>(tensor)].name);
}

std::string Operands::describe_input(size_t slot) const {
  return fmt::format("input {} ({})", slot, describe_tensor(input_tensor(slot)));
}

std::string Operands::describe_output(size_t slot) const {
  return fmt::format("output {} ({})", slot, describe_tensor(output_tensor(slot)));
}

bool Operands::has_input(size_t slot) const {
  return slot < op_.inputs.size() && op_.inputs[slot] != -1;
}

int32_t Operands::input_tensor(size_t slot) const {
  if (!has_input(slot))
    fail(fmt::format("input {} is missing", slot));
  return op_.inputs[slot];
}

int32_t Operands::output_tensor(size_t slot) const {
  if (slot >= op_.outputs.size())
    fail(fmt::format("output {} is missing", slot));
  return op_.outputs[slot];
}

const ir::Tensor &Operands::input_info(size_t slot) const {
  return model_.tensors[static_cast<size_t>(input_tensor(slot))];
}

const ir::Tensor &Operands::output_info(size_t slot) const {
  return model_.tensors[static_cast<size_t>(output_tensor(slot))];
}

const ir::Shape &Operands::input_shape(size_t slot) const {
  return model_.tensors[static_cast<size_t>(input_tensor(slot))].shape;
}

const ir::Shape &Operands::output_shape(size_t slot) const {
  return model_.tensors[static_cast<size_t>(output_tensor(slot))].shape;
}

ir::DType Operands::input_dtype(size_t slot) const {
  return model_.tensors[static_cast<size_t>(input_tensor(slot))].dtype;
}

ir::DType Operands::output_dtype(size_t slot) const {
  return model_.tensors[static_cast<size_t>(output_tensor(slot))].dtype;
}

const void *Operands::input_data(size_t slot, ir::DType dtype) const {
  const int32_t index = input_tensor(slot);
  const ir::Tensor &tensor = model_.tensors[static_cast<size_t>(index)];
  if (tensor.dtype != dtype)
    throw UnsupportedError(fmt::format("{}: {} is {}; this kernel runs on {}", label(),
                                       describe_input(slot), ir::dtype_name(tensor.dtype),
                                       ir::dtype_name(dtype)));
  if (!buffers_.written[static_cast<size_t>(index)])
    fail(fmt::format("{} is read before any operator writes it", describe_input(slot)));
  return buffers_.data[static_cast<size_t>(index)];
}

std::vector<int32_t> Operands::int32_constant(size_t slot) const {
  const ir::Tensor &tensor = model_.tensors[static_cast<size_t>(input_tensor(slot))];
  const bool integer = tensor.dtype == ir::DType::Int32 || tensor.dtype == ir::DType::Int64;
  if (!integer || !tensor.is_constant())
    fail(fmt::format("{} must be an int32 or int64 constant, got {} {}", describe_input(slot),
                     tensor.is_constant() ? "constant" : "non-constant",
                     ir::dtype_name(tensor.dtype)));
  const int64_t count = tensor.num_elements();
  const size_t size = ir::dtype_size(tensor.dtype);
  if (count < 0 || tensor.data->size() != static_cast<size_t>(count) * size)
    fail(fmt::format("{} holds {} bytes, expected {} for shape {}", describe_input(slot),
                     tensor.data->size(), count * static_cast<int64_t>(size),
                     ir::shape_to_string(tensor.shape)));
  if (tensor.dtype == ir::DType::Int32)
    return tensor.values<int32_t>();
  std::vector<int32_t> values;
  for (int64_t value : tensor.values<int64_t>()) {
    if (value < INT32_MIN || value > INT32_MAX)
      fail(fmt::format("{} holds {}, which does not fit in 32 bits", describe_input(slot), value));
    values.push_back(static_cast<int32_t>(value));
  }
  return values;
}

void *Operands::output_data(size_t slot, ir::DType dtype) const {
  const int32_t index = output_tensor(slot);
  const ir::Tensor &tensor = model_.tensors[static_cast<size_t>(index)];
  if (tensor.dtype != dtype)
    throw UnsupportedError(fmt::format("{}: {} is {}; this kernel runs on {}", label(),
                                       describe_output(slot), ir::dtype_name(tensor.dtype),
                                       ir::dtype_name(dtype)));
  if (tensor.is_constant())
    fail(fmt::format("{} is a constant", describe_output(slot)));
  if (buffers_.written[static_cast<size_t>(index)])
    fail(fmt::format("{} is already written by a graph input or an earlier operator",
                     describe_output(slot)));
  return buffers_.data[static_cast<size_t>(index)];
}

} // namespace qgold::interp
