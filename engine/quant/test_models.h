#pragma once

// Small models built directly in tests (test-only helper).

#include "data/dataset.h"
#include "ir/model.h"

#include <cstring>

#include <span>
#include <string>
#include <vector>

namespace qgold::quant::testing {

inline int32_t activation(ir::Model &model, const std::string &name, ir::Shape shape) {
  ir::Tensor tensor;
  tensor.name = name;
  tensor.shape = std::move(shape);
  return model.add_tensor(std::move(tensor));
}

template <typename T = float>
int32_t constant(ir::Model &model, const std::string &name, ir::Shape shape, std::vector<T> values,
                 ir::DType dtype = ir::DType::Float32) {
  ir::Tensor tensor;
  tensor.name = name;
  tensor.dtype = dtype;
  tensor.shape = std::move(shape);
  tensor.set_values<T>(values);
  return model.add_tensor(std::move(tensor));
}

inline void set_range(ir::Model &model, const std::string &name, float min, float max) {
  ir::QuantParams params;
  params.min = {min};
  params.max = {max};
  model.tensors[model.find_tensor(name)].quant = params;
}

// Conv2D_004 of ONE's recipes: ifm [1,4,3,2], ker [2,2,2,2], bias [2], ofm [1,2,2,2].
inline ir::Model conv2d_004() {
  ir::Model model;
  const int32_t ifm = activation(model, "ifm", {1, 4, 3, 2});
  const int32_t ker = constant(model, "ker", {2, 2, 2, 2},
                               std::vector<float>{1, 2, -3, -4, -5, 6, -7, 8, 4, -2, 3, -1, -8, -6, 7, 5});
  const int32_t bias = constant(model, "bias", {2}, std::vector<float>{1, 2});
  const int32_t ofm = activation(model, "ofm", {1, 2, 2, 2});
  ir::Conv2DOptions options;
  options.stride_h = 2;
  options.activation = ir::Activation::Relu;
  model.operators.push_back({ir::OpCode::Conv2D, {ifm, ker, bias}, {ofm}, options});
  model.inputs = {ifm};
  model.outputs = {ofm};
  return model;
}

// Records held in memory, one float32 input each, named "<id_prefix><n>".
class MemoryDataset : public data::DatasetReader {
public:
  explicit MemoryDataset(std::vector<std::vector<float>> records, std::string id_prefix = "record ")
      : records_(std::move(records)), id_prefix_(std::move(id_prefix)) {}
  std::optional<size_t> size() const override { return records_.size(); }
  bool next(data::Record &record) override {
    if (next_ == records_.size())
      return false;
    const auto &values = records_[next_];
    record.id = id_prefix_ + std::to_string(next_++);
    record.inputs.assign(1, std::vector<uint8_t>(values.size() * sizeof(float)));
    std::memcpy(record.inputs[0].data(), values.data(), record.inputs[0].size());
    return true;
  }

private:
  std::vector<std::vector<float>> records_;
  std::string id_prefix_;
  size_t next_ = 0;
};

inline const ir::Tensor &tensor(const ir::Model &model, const std::string &name) {
  const int32_t index = model.find_tensor(name);
  if (index < 0)
    throw std::runtime_error("no tensor " + name);
  return model.tensors[index];
}

} // namespace qgold::quant::testing
