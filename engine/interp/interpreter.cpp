#include "interp/interpreter.h"

#include "interp/dispatch.h"
#include "interp/operands.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <algorithm>

namespace qgold::interp {
namespace {

// Largest tensor the interpreter allocates (2^31 floats = 8 GiB).
constexpr int64_t kMaxElements = int64_t{1} << 31;

std::string tensor_label(const ir::Model &model, int32_t index) {
  return fmt::format("tensor #{} '{}'", index, model.tensors[static_cast<size_t>(index)].name);
}

// Element count of a tensor whose dims are all >= 0, or -1 if it exceeds kMaxElements.
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

void check_graph_io(const ir::Model &model, const std::vector<int32_t> &indices,
                    std::string_view role) {
  for (size_t i = 0; i < indices.size(); ++i) {
    const int32_t index = indices[i];
    if (index < 0 || index >= static_cast<int32_t>(model.tensors.size()))
      throw InputError(fmt::format("graph {} {} refers to tensor #{}, but the model has {} tensors",
                                   role, i, index, model.tensors.size()));
    const ir::Tensor &tensor = model.tensors[static_cast<size_t>(index)];
    if (tensor.dtype != ir::DType::Float32)
      throw UnsupportedError(
          fmt::format("graph {} {} ({}) is {}; the interpreter runs float32 only", role, i,
                      tensor_label(model, index), ir::dtype_name(tensor.dtype)));
  }
}

} // namespace

struct Interpreter::Impl {
  struct Step {
    BoundKernel kernel;
    std::vector<int32_t> outputs;
  };

  std::vector<std::string> names;
  std::vector<int64_t> element_counts;
  std::vector<bool> has_buffer;
  TensorBuffers buffers;
  std::vector<int32_t> inputs, outputs;
  std::vector<Step> steps;

  void allocate(const ir::Model &model);
  void bind(const ir::Model &model);
  std::span<const float> values(int32_t index) const {
    const auto &buffer = buffers.values[static_cast<size_t>(index)];
    return {buffer.data(), buffer.size()};
  }
};

void Interpreter::Impl::allocate(const ir::Model &model) {
  const size_t count = model.tensors.size();
  buffers.values.resize(count);
  buffers.written.assign(count, false);
  has_buffer.assign(count, false);
  element_counts.assign(count, 0);
  for (size_t i = 0; i < count; ++i) {
    const ir::Tensor &tensor = model.tensors[i];
    const auto index = static_cast<int32_t>(i);
    names.push_back(tensor.name);
    if (std::any_of(tensor.shape.begin(), tensor.shape.end(), [](int32_t d) { return d < 0; }))
      throw InputError(fmt::format("{} has a negative dimension in shape {}",
                                   tensor_label(model, index), ir::shape_to_string(tensor.shape)));
    const int64_t elements = checked_element_count(tensor.shape);
    if (elements < 0)
      throw InputError(fmt::format("{} of shape {} has more than {} elements",
                                   tensor_label(model, index), ir::shape_to_string(tensor.shape),
                                   kMaxElements));
    element_counts[i] = elements;
    if (tensor.dtype != ir::DType::Float32) {
      buffers.written[i] = tensor.is_constant(); // int32 constants are read at bind time
      continue;
    }
    has_buffer[i] = true;
    if (tensor.is_constant()) {
      if (tensor.data->size() != static_cast<size_t>(elements) * sizeof(float))
        throw InputError(fmt::format("{} holds {} bytes of data, expected {} for FLOAT32 {}",
                                     tensor_label(model, index), tensor.data->size(), elements * 4,
                                     ir::shape_to_string(tensor.shape)));
      buffers.values[i] = tensor.values<float>();
      buffers.written[i] = true;
    } else {
      buffers.values[i].assign(static_cast<size_t>(elements), 0.0f);
    }
  }
  for (int32_t index : inputs) {
    if (model.tensors[static_cast<size_t>(index)].is_constant())
      throw InputError(fmt::format("graph input {} is a constant", tensor_label(model, index)));
    buffers.written[static_cast<size_t>(index)] = true;
  }
}

void Interpreter::Impl::bind(const ir::Model &model) {
  for (size_t i = 0; i < model.operators.size(); ++i) {
    const Operands operands(model, static_cast<int32_t>(i), buffers);
    Step step{bind_kernel(operands), model.operators[i].outputs};
    // Marked only after binding, so an op cannot read its own output; a
    // repeated output index is caught here.
    for (int32_t output : step.outputs) {
      if (buffers.written[static_cast<size_t>(output)])
        operands.fail(
            fmt::format("{} is listed twice among its outputs", tensor_label(model, output)));
      buffers.written[static_cast<size_t>(output)] = true;
    }
    steps.push_back(std::move(step));
  }
}

Interpreter::Interpreter(const ir::Model &model) : impl_(std::make_unique<Impl>()) {
  check_graph_io(model, model.inputs, "input");
  check_graph_io(model, model.outputs, "output");
  impl_->inputs = model.inputs;
  impl_->outputs = model.outputs;
  impl_->allocate(model);
  impl_->bind(model);
}

Interpreter::~Interpreter() = default;

void Interpreter::set_input(size_t index, std::span<const float> values) {
  if (index >= impl_->inputs.size())
    throw InputError(fmt::format("input index {} is out of range: the model has {} inputs", index,
                                 impl_->inputs.size()));
  const int32_t tensor = impl_->inputs[index];
  auto &buffer = impl_->buffers.values[static_cast<size_t>(tensor)];
  if (values.size() != buffer.size())
    throw InputError(fmt::format("input {} (tensor #{} '{}'): expected {} values, got {}", index,
                                 tensor, impl_->names[static_cast<size_t>(tensor)], buffer.size(),
                                 values.size()));
  std::copy(values.begin(), values.end(), buffer.begin());
}

void Interpreter::run(TensorObserver *observer) {
  if (observer)
    for (int32_t input : impl_->inputs)
      observer->observe(input, impl_->values(input));
  for (const Impl::Step &step : impl_->steps) {
    step.kernel();
    if (observer)
      for (int32_t output : step.outputs)
        observer->observe(output, impl_->values(output));
  }
}

std::span<const float> Interpreter::tensor(int32_t tensor_index) const {
  if (tensor_index < 0 || tensor_index >= static_cast<int32_t>(impl_->has_buffer.size()))
    throw InputError(fmt::format("tensor index {} is out of range: the model has {} tensors",
                                 tensor_index, impl_->has_buffer.size()));
  if (!impl_->has_buffer[static_cast<size_t>(tensor_index)])
    throw InputError(fmt::format("tensor #{} '{}' is not a float32 tensor", tensor_index,
                                 impl_->names[static_cast<size_t>(tensor_index)]));
  return impl_->values(tensor_index);
}

std::span<const float> Interpreter::output(size_t index) const {
  if (index >= impl_->outputs.size())
    throw InputError(fmt::format("output index {} is out of range: the model has {} outputs", index,
                                 impl_->outputs.size()));
  return impl_->values(impl_->outputs[index]);
}

} // namespace qgold::interp
