#include "interp/interpreter.h"

#include "interp/tensor_checks.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <algorithm>

namespace qgold::interp {

struct Interpreter::Impl {
  struct Step {
    BoundKernel kernel;
    std::vector<int32_t> outputs;
  };

  std::vector<std::string> names;
  std::vector<bool> has_buffer;
  std::vector<std::vector<float>> storage; // one buffer per float tensor, constants copied
  TensorBuffers buffers;
  std::vector<int32_t> inputs, outputs;
  std::vector<Step> steps;

  explicit Impl(const ir::Model &model);
  std::span<const float> values(int32_t index) const {
    const auto &buffer = storage[static_cast<size_t>(index)];
    return {buffer.data(), buffer.size()};
  }
};

Interpreter::Impl::Impl(const ir::Model &model) : inputs(model.inputs), outputs(model.outputs) {
  const std::vector<int64_t> counts = check_tensors(model);
  buffers = initial_buffers(model);
  storage.resize(model.tensors.size());
  has_buffer.assign(model.tensors.size(), false);
  for (size_t i = 0; i < model.tensors.size(); ++i) {
    const ir::Tensor &tensor = model.tensors[i];
    names.push_back(tensor.name);
    if (tensor.dtype != ir::DType::Float32)
      continue;
    has_buffer[i] = true;
    if (tensor.is_constant())
      storage[i] = tensor.values<float>();
    else
      storage[i].assign(static_cast<size_t>(counts[i]), 0.0f);
    buffers.data[i] = storage[i].data();
  }
  std::vector<BoundKernel> kernels = bind_kernels(model, buffers);
  for (size_t i = 0; i < kernels.size(); ++i)
    steps.push_back({std::move(kernels[i]), model.operators[i].outputs});
}

Interpreter::Interpreter(const ir::Model &model) : impl_(std::make_unique<Impl>(model)) {}

Interpreter::~Interpreter() = default;

void Interpreter::set_input(size_t index, std::span<const float> values) {
  if (index >= impl_->inputs.size())
    throw InputError(fmt::format("input index {} is out of range: the model has {} inputs", index,
                                 impl_->inputs.size()));
  const int32_t tensor = impl_->inputs[index];
  auto &buffer = impl_->storage[static_cast<size_t>(tensor)];
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
