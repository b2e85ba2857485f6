#include "interp/test_model.h"

#include <span>

namespace qgold::interp::testing {

int32_t ModelBuilder::input(std::string name, ir::Shape shape) {
  const int32_t index = activation(std::move(name), std::move(shape));
  model.inputs.push_back(index);
  return index;
}

int32_t ModelBuilder::activation(std::string name, ir::Shape shape, ir::DType dtype) {
  ir::Tensor tensor;
  tensor.name = std::move(name);
  tensor.dtype = dtype;
  tensor.shape = std::move(shape);
  return model.add_tensor(std::move(tensor));
}

int32_t ModelBuilder::constant(std::string name, ir::Shape shape,
                               const std::vector<float> &values) {
  ir::Tensor tensor;
  tensor.name = std::move(name);
  tensor.shape = std::move(shape);
  tensor.set_values(std::span<const float>(values));
  return model.add_tensor(std::move(tensor));
}

int32_t ModelBuilder::int32_constant(std::string name, ir::Shape shape,
                                     const std::vector<int32_t> &values) {
  ir::Tensor tensor;
  tensor.name = std::move(name);
  tensor.dtype = ir::DType::Int32;
  tensor.shape = std::move(shape);
  tensor.set_values(std::span<const int32_t>(values));
  return model.add_tensor(std::move(tensor));
}

void ModelBuilder::op(ir::OpCode code, std::vector<int32_t> inputs, std::vector<int32_t> outputs) {
  op(code, std::move(inputs), std::move(outputs), ir::default_options(code));
}

void ModelBuilder::op(ir::OpCode code, std::vector<int32_t> inputs, std::vector<int32_t> outputs,
                      ir::Options options) {
  model.operators.push_back({code, std::move(inputs), std::move(outputs), std::move(options)});
}

} // namespace qgold::interp::testing
