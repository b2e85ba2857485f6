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
  std::vector<size_t> byte_sizes;
  // One buffer per tensor in its dtype (8-byte words keep every dtype aligned);
  // constants copied, so kernels see one layout for all.
  mutable std::vector<std::vector<uint64_t>> storage;
  TensorBuffers buffers;
  std::vector<int32_t> inputs, outputs;
  std::vector<Step> steps;

  Impl(const ir::Model &model, Kernels kernels);
  std::vector<int64_t> counts;
  std::span<uint8_t> bytes(int32_t index) const {
    return {reinterpret_cast<uint8_t *>(storage[static_cast<size_t>(index)].data()),
            byte_sizes[static_cast<size_t>(index)]};
  }
  std::span<float> values(int32_t index) const {
    return {reinterpret_cast<float *>(storage[static_cast<size_t>(index)].data()),
            static_cast<size_t>(counts[static_cast<size_t>(index)])};
  }
};

Interpreter::Impl::Impl(const ir::Model &model, Kernels kernels)
    : inputs(model.inputs), outputs(model.outputs) {
  const bool integer = kernels == Kernels::FloatAndInteger;
  counts = check_tensors(model, integer);
  buffers = initial_buffers(model);
  storage.resize(model.tensors.size());
  is_float.assign(model.tensors.size(), false);
  for (size_t i = 0; i < model.tensors.size(); ++i) {
    const ir::Tensor &tensor = model.tensors[i];
    names.push_back(tensor.name);
    is_float[i] = tensor.dtype == ir::DType::Float32;
    const size_t bytes = static_cast<size_t>(counts[i]) * ir::dtype_size(tensor.dtype);
    byte_sizes.push_back(bytes);
    storage[i].assign((bytes + 7) / 8, 0);
    if (tensor.is_constant() && bytes > 0)
      std::memcpy(storage[i].data(), tensor.data->data(), bytes);
    buffers.data[i] = storage[i].data();
  }
  std::vector<BoundKernel> bound = bind_kernels(model, buffers, integer);
  for (size_t i = 0; i < bound.size(); ++i)
    steps.push_back({std::move(bound[i]), model.operators[i].outputs});
}

Interpreter::Interpreter(const ir::Model &model, Kernels kernels)
    : impl_(std::make_unique<Impl>(model, kernels)) {}

Interpreter::~Interpreter() = default;

void Interpreter::set_input(size_t index, std::span<const float> values) {
  if (index >= impl_->inputs.size())
    throw InputError(fmt::format("input index {} is out of range: the model has {} inputs", index,
                                 impl_->inputs.size()));
  const int32_t tensor = impl_->inputs[index];
  if (!impl_->is_float[static_cast<size_t>(tensor)])
    throw InputError(fmt::format("input {} (tensor #{} '{}') is not float32", index, tensor,
                                 impl_->names[static_cast<size_t>(tensor)]));
  const std::span<float> buffer = impl_->values(tensor);
  if (values.size() != buffer.size())
    throw InputError(fmt::format("input {} (tensor #{} '{}'): expected {} values, got {}", index,
                                 tensor, impl_->names[static_cast<size_t>(tensor)], buffer.size(),
                                 values.size()));
  std::copy(values.begin(), values.end(), buffer.begin());
}

void Interpreter::set_input_bytes(size_t index, std::span<const uint8_t> bytes) {
  if (index >= impl_->inputs.size())
    throw InputError(fmt::format("input index {} is out of range: the model has {} inputs", index,
                                 impl_->inputs.size()));
  const int32_t tensor = impl_->inputs[index];
  const std::span<uint8_t> buffer = impl_->bytes(tensor);
  if (bytes.size() != buffer.size())
    throw InputError(fmt::format("input {} (tensor #{} '{}'): expected {} bytes, got {}", index,
                                 tensor, impl_->names[static_cast<size_t>(tensor)], buffer.size(),
                                 bytes.size()));
  std::copy(bytes.begin(), bytes.end(), buffer.begin());
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
  return impl_->bytes(impl_->outputs[index]);
}

std::span<const uint8_t> Interpreter::tensor_bytes(int32_t tensor_index) const {
  if (tensor_index < 0 || tensor_index >= static_cast<int32_t>(impl_->byte_sizes.size()))
    throw InputError(fmt::format("tensor index {} is out of range: the model has {} tensors",
                                 tensor_index, impl_->byte_sizes.size()));
  return impl_->bytes(tensor_index);
}

} // namespace qgold::interp
