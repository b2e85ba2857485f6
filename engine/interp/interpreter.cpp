#include "interp/interpreter.h"

#include "interp/tensor_checks.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace qgold::interp {

struct Interpreter::Impl {
  struct Step {
    BoundKernel kernel;
    std::vector<int32_t> outputs;
  };

  std::vector<std::string> names;
  std::vector<bool> is_float;
  std::vector<size_t> element_sizes;
  // One buffer per tensor in its dtype (8-byte words keep every dtype aligned);
  // constants copied, so kernels see one layout for all.
  mutable std::vector<std::vector<uint64_t>> storage;
  TensorBuffers buffers;
  std::vector<int32_t> inputs, outputs;
  std::vector<Step> steps;

  explicit Impl(const ir::Model &model);
  std::vector<int64_t> counts;
  std::span<float> values(int32_t index) const {
    return {reinterpret_cast<float *>(storage[static_cast<size_t>(index)].data()),
            static_cast<size_t>(counts[static_cast<size_t>(index)])};
  }
};

Interpreter::Impl::Impl(const ir::Model &model) : inputs(model.inputs), outputs(model.outputs) {
  counts = check_tensors(model);
  buffers = initial_buffers(model);
  storage.resize(model.tensors.size());
  is_float.assign(model.tensors.size(), false);
  for (size_t i = 0; i < model.tensors.size(); ++i) {
    const ir::Tensor &tensor = model.tensors[i];
    names.push_back(tensor.name);
    is_float[i] = tensor.dtype == ir::DType::Float32;
    element_sizes.push_back(ir::dtype_size(tensor.dtype));
    const size_t bytes = static_cast<size_t>(counts[i]) * ir::dtype_size(tensor.dtype);
    storage[i].assign((bytes + 7) / 8, 0);
    if (tensor.is_constant() && bytes > 0)
      std::memcpy(storage[i].data(), tensor.data->data(), bytes);
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
  const std::span<float> buffer = impl_->values(tensor);
  if (values.size() != buffer.size())
    throw InputError(fmt::format("input {} (tensor #{} '{}'): expected {} values, got {}", index,
                                 tensor, impl_->names[static_cast<size_t>(tensor)], buffer.size(),
                                 values.size()));
  std::copy(values.begin(), values.end(), buffer.begin());
}

void Interpreter::run(TensorObserver *observer) {
  auto observe = [&](int32_t tensor) {
    if (impl_->is_float[static_cast<size_t>(tensor)])
      observer->observe(tensor, impl_->values(tensor));
  };
  if (observer)
    for (int32_t input : impl_->inputs)
      observe(input);
  for (const Impl::Step &step : impl_->steps) {
    step.kernel();
    if (observer)
      for (int32_t output : step.outputs)
        observe(output);
  }
}

std::span<const float> Interpreter::tensor(int32_t tensor_index) const {
  if (tensor_index < 0 || tensor_index >= static_cast<int32_t>(impl_->is_float.size()))
    throw InputError(fmt::format("tensor index {} is out of range: the model has {} tensors",
                                 tensor_index, impl_->is_float.size()));
  if (!impl_->is_float[static_cast<size_t>(tensor_index)])
    throw InputError(fmt::format("tensor #{} '{}' is not a float32 tensor", tensor_index,
                                 impl_->names[static_cast<size_t>(tensor_index)]));
  return impl_->values(tensor_index);
}

std::span<const float> Interpreter::output(size_t index) const {
  if (index >= impl_->outputs.size())
    throw InputError(fmt::format("output index {} is out of range: the model has {} outputs", index,
                                 impl_->outputs.size()));
  return tensor(impl_->outputs[index]);
}

std::span<const uint8_t> Interpreter::output_bytes(size_t index) const {
  if (index >= impl_->outputs.size())
    throw InputError(fmt::format("output index {} is out of range: the model has {} outputs", index,
                                 impl_->outputs.size()));
  const auto tensor = static_cast<size_t>(impl_->outputs[index]);
  return {reinterpret_cast<const uint8_t *>(impl_->storage[tensor].data()),
          static_cast<size_t>(impl_->counts[tensor]) * impl_->element_sizes[tensor]};
}

} // namespace qgold::interp
