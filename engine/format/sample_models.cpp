#include "format/sample_models.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::format::testing {
namespace {

ir::Tensor activation(const std::string &name, ir::Shape shape) {
  ir::Tensor tensor;
  tensor.name = name;
  tensor.shape = std::move(shape);
  return tensor;
}

template <typename T>
ir::Tensor constant(const std::string &name, ir::DType dtype, ir::Shape shape, const std::vector<T> &values) {
  ir::Tensor tensor;
  tensor.name = name;
  tensor.dtype = dtype;
  tensor.shape = std::move(shape);
  tensor.set_values<T>(values);
  return tensor;
}

ir::Options non_default_options(ir::OpCode code) {
  using ir::Activation;
  using ir::Padding;
  switch (code) {
  case ir::OpCode::Conv2D:
    return ir::Conv2DOptions{Padding::Same, 2, 3, 4, 5, Activation::Relu6};
  case ir::OpCode::DepthwiseConv2D:
    return ir::DepthwiseConv2DOptions{Padding::Same, 3, 2, 4, 2, 3, Activation::Relu};
  case ir::OpCode::TransposeConv:
    return ir::TransposeConvOptions{Padding::Same, 2, 4, Activation::Tanh};
  case ir::OpCode::AveragePool2D:
    return ir::Pool2DOptions{Padding::Same, 2, 3, 4, 5, Activation::ReluN1To1};
  case ir::OpCode::MaxPool2D:
    return ir::Pool2DOptions{Padding::Valid, 3, 2, 5, 4, Activation::Relu};
  case ir::OpCode::FullyConnected:
    return ir::FullyConnectedOptions{Activation::Relu, true};
  case ir::OpCode::Add:
    return ir::ElementwiseOptions{Activation::Relu};
  case ir::OpCode::Sub:
    return ir::ElementwiseOptions{Activation::Relu6};
  case ir::OpCode::Mul:
    return ir::ElementwiseOptions{Activation::Tanh};
  case ir::OpCode::Concatenation:
    return ir::ConcatenationOptions{-1, Activation::Relu};
  case ir::OpCode::Softmax:
    return ir::SoftmaxOptions{0.5f};
  case ir::OpCode::Mean:
    return ir::ReducerOptions{true};
  case ir::OpCode::Split:
    return ir::SplitOptions{3};
  case ir::OpCode::Reshape:
    return ir::ReshapeOptions{{1, -1, 6}};
  case ir::OpCode::InstanceNorm:
    return ir::InstanceNormOptions{0.001f, Activation::Relu};
  default:
    return ir::default_options(code);
  }
}

} // namespace

ir::Model every_op_model(bool with_instance_norm) {
  ir::Model model;
  model.name = "every op";
  const int32_t in = model.add_tensor(activation("in", {1, 2, 2, 3}));
  const int32_t weights = model.add_tensor(constant<float>("weights", ir::DType::Float32, {3}, {1.5f, -2.f, 0.25f}));
  const int32_t axis = model.add_tensor(constant<int32_t>("axis", ir::DType::Int32, {}, {3}));
  model.inputs = {in};
  for (ir::OpCode code : ir::all_ops()) {
    if (code == ir::OpCode::InstanceNorm && !with_instance_norm)
      continue;
    const int32_t out = model.add_tensor(activation(std::string(ir::op_name(code)) + "/out", {1, 2, 2, 3}));
    // -1 (absent optional input) in the middle exercises the sentinel.
    std::vector<int32_t> inputs = code == ir::OpCode::FullyConnected ? std::vector<int32_t>{in, weights, -1}
                                                                     : std::vector<int32_t>{axis, in, weights};
    model.operators.push_back({code, inputs, {out}, non_default_options(code)});
    model.outputs.push_back(out);
  }
  return model;
}

ir::Model conv_model() {
  ir::Model model;
  ir::Tensor ifm = activation("ifm", {1, 3, 3, 2});
  ifm.quant = ir::QuantParams{{-1.f}, {1.f}, {2.f / 255}, {128}, 0};
  const int32_t ifm_index = model.add_tensor(ifm);
  ir::Tensor ker = constant<float>("ker", ir::DType::Float32, {2, 1, 1, 2}, {1.f, 2.f, 3.f, 4.f});
  ker.quant = ir::QuantParams{{-2.f, -4.f}, {2.f, 4.f}, {2.f / 127, 4.f / 127}, {0, 0}, 0};
  const int32_t ker_index = model.add_tensor(ker);
  const int32_t bias_index = model.add_tensor(constant<float>("bias", ir::DType::Float32, {2}, {0.5f, -0.5f}));
  const int32_t ofm_index = model.add_tensor(activation("ofm", {1, 3, 3, 2}));
  model.operators.push_back({ir::OpCode::Conv2D,
                             {ifm_index, ker_index, bias_index},
                             {ofm_index},
                             ir::Conv2DOptions{ir::Padding::Same, 1, 1, 1, 1, ir::Activation::Relu}});
  model.inputs = {ifm_index};
  model.outputs = {ofm_index};
  return model;
}

namespace {

void expect_same_graph(const ir::Graph &actual, const ir::Graph &expected) {
  EXPECT_EQ(actual.name, expected.name);
  EXPECT_EQ(actual.inputs, expected.inputs);
  EXPECT_EQ(actual.outputs, expected.outputs);
  ASSERT_EQ(actual.tensors.size(), expected.tensors.size());
  for (std::size_t t = 0; t < expected.tensors.size(); ++t) {
    SCOPED_TRACE("tensor " + std::to_string(t) + " '" + expected.tensors[t].name + "'");
    const ir::Tensor &a = actual.tensors[t];
    const ir::Tensor &e = expected.tensors[t];
    EXPECT_EQ(a.name, e.name);
    EXPECT_EQ(a.dtype, e.dtype);
    EXPECT_EQ(a.shape, e.shape);
    EXPECT_EQ(a.data, e.data);
    EXPECT_EQ(a.quant, e.quant);
    EXPECT_EQ(a.shape_signature, e.shape_signature);
    EXPECT_EQ(a.sparsity, e.sparsity);
  }
  ASSERT_EQ(actual.operators.size(), expected.operators.size());
  for (std::size_t o = 0; o < expected.operators.size(); ++o) {
    SCOPED_TRACE("operator " + std::to_string(o) + " " + std::string(ir::op_name(expected.operators[o].code)));
    const ir::Operator &a = actual.operators[o];
    const ir::Operator &e = expected.operators[o];
    EXPECT_EQ(a.code, e.code);
    EXPECT_EQ(a.inputs, e.inputs);
    EXPECT_EQ(a.outputs, e.outputs);
    EXPECT_TRUE(a.options == e.options);
    EXPECT_EQ(a.custom_code, e.custom_code);
    EXPECT_EQ(a.custom_options, e.custom_options);
  }
}

} // namespace

void expect_same_model(const ir::Model &actual, const ir::Model &expected) {
  expect_same_graph(actual, expected);
  ASSERT_EQ(actual.subgraphs.size(), expected.subgraphs.size());
  for (std::size_t g = 0; g < expected.subgraphs.size(); ++g) {
    SCOPED_TRACE("subgraph " + std::to_string(g + 1));
    expect_same_graph(actual.subgraphs[g], expected.subgraphs[g]);
  }
  EXPECT_EQ(actual.signature_defs, expected.signature_defs);
  EXPECT_EQ(actual.metadata, expected.metadata);
  EXPECT_EQ(actual.external_buffers, expected.external_buffers);
}

} // namespace qgold::format::testing
