// TFLite's int8 scheme (--dtype int8, docs/quantization.md): parameters of
// activations, weights, biases and fixed outputs, and the same-parameter rules.

#include "ir/error.h"
#include "ir/op_registry.h"
#include "quant/quant.h"
#include "quant/test_models.h"

#include <gtest/gtest.h>

#include <cmath>
#include <tuple>

namespace qgold::quant {
namespace {

using testing::activation;
using testing::constant;
using testing::set_range;
using testing::tensor;

void quantize_int8(ir::Model &model) {
  QuantizeOptions options;
  options.dtype = ir::DType::Int8;
  options.granularity = Granularity::Channel;
  quantize_with_minmax(model, options);
}

TEST(Int8Scheme, ConvActivationsAsymmetricWeightsSymmetricPerChannelBiasInt32) {
  ir::Model model = testing::conv2d_004();
  fake_quantize(model, ir::DType::Int8, Granularity::Channel);
  set_range(model, "ifm", -1.0f, 1.0f);
  set_range(model, "ofm", 0.0f, 14.0f);
  quantize_int8(model);

  // [-1, 1]: uint8 scale 2/255, zero point round(127.5) = 128, i.e. int8 zero point 0.
  const ir::Tensor &ifm = tensor(model, "ifm");
  EXPECT_EQ(ifm.dtype, ir::DType::Int8);
  EXPECT_FLOAT_EQ(ifm.quant->scale[0], 2.0f / 255.0f);
  EXPECT_EQ(ifm.quant->zero_point[0], 0);
  // [0, 14]: zero point -128.
  EXPECT_EQ(tensor(model, "ofm").quant->zero_point[0], -128);

  // Both output channels span [-8, 8]: scale 8/127, codes round(v * 127 / 8).
  const ir::Tensor &ker = tensor(model, "ker");
  EXPECT_EQ(ker.dtype, ir::DType::Int8);
  EXPECT_EQ(ker.values<int8_t>(), (std::vector<int8_t>{16, 32, -48, -64, -79, 95, -111, 127, 64,
                                                       -32, 48, -16, -127, -95, 111, 79}));
  EXPECT_EQ(ker.quant->scale.size(), 2u);
  EXPECT_FLOAT_EQ(ker.quant->scale[0], 8.0f / 127.0f);
  EXPECT_EQ(ker.quant->zero_point, (std::vector<int64_t>{0, 0}));
  EXPECT_EQ(ker.quant->quantized_dimension, 0);

  const ir::Tensor &bias = tensor(model, "bias");
  EXPECT_EQ(bias.dtype, ir::DType::Int32);
  ASSERT_EQ(bias.quant->scale.size(), 2u);
  const float bias_scale = ifm.quant->scale[0] * ker.quant->scale[0];
  EXPECT_FLOAT_EQ(bias.quant->scale[0], bias_scale);
  // 1.0 times the inverse scale (a double division stored as float), rounded.
  const auto inverse = static_cast<float>(1.0 / static_cast<double>(bias_scale));
  EXPECT_EQ(bias.values<int32_t>()[0], static_cast<int32_t>(std::round(1.0f * inverse)));
}

TEST(Int8Scheme, FullyConnectedWeightsArePerTensor) {
  ir::Model model;
  const int32_t in = activation(model, "in", {1, 2});
  const int32_t w = constant(model, "w", {2, 2}, std::vector<float>{1, -2, 0.5f, 4});
  const int32_t b = constant(model, "b", {2}, std::vector<float>{0.25f, -1});
  const int32_t out = activation(model, "out", {1, 2});
  model.operators.push_back({ir::OpCode::FullyConnected, {in, w, b}, {out},
                             ir::default_options(ir::OpCode::FullyConnected)});
  model.inputs = {in};
  model.outputs = {out};
  fake_quantize(model, ir::DType::Int8, Granularity::Channel);
  set_range(model, "in", -2.0f, 2.0f);
  set_range(model, "out", -10.0f, 10.0f);
  quantize_int8(model);
  const ir::Tensor &weights = tensor(model, "w");
  ASSERT_EQ(weights.quant->scale.size(), 1u);
  EXPECT_FLOAT_EQ(weights.quant->scale[0], 4.0f / 127.0f);
  EXPECT_EQ(weights.values<int8_t>(), (std::vector<int8_t>{32, -64, 16, 127}));
  EXPECT_EQ(tensor(model, "b").quant->scale.size(), 1u);
}

TEST(Int8Scheme, FixedOutputParameters) {
  for (auto [code, scale, zero_point] :
       {std::tuple{ir::OpCode::Logistic, 1.0f / 256, -128}, std::tuple{ir::OpCode::Tanh, 1.0f / 128, 0},
        std::tuple{ir::OpCode::Softmax, 1.0f / 256, -128}}) {
    ir::Model model;
    const int32_t in = activation(model, "in", {1, 4});
    const int32_t out = activation(model, "out", {1, 4});
    model.operators.push_back({code, {in}, {out}, ir::default_options(code)});
    model.inputs = {in};
    model.outputs = {out};
    set_range(model, "in", -3.0f, 3.0f);
    set_range(model, "out", 0.1f, 0.9f);
    quantize_int8(model);
    SCOPED_TRACE(ir::op_name(code));
    EXPECT_FLOAT_EQ(tensor(model, "out").quant->scale[0], scale);
    EXPECT_EQ(tensor(model, "out").quant->zero_point[0], zero_point);
  }
}

TEST(Int8Scheme, SingleInputSameParameterOpsTakeTheirInputsParameters) {
  // in -> ReLU -> MaxPool2D -> Reshape: the pool (own range [0, 5]) and the reshape share the
  // ReLU's [0, 2]. In uint8 ONE keeps the pool's own range.
  for (ir::DType dtype : {ir::DType::Int8, ir::DType::UInt8}) {
    ir::Model model;
    const int32_t in = activation(model, "in", {1, 2, 2, 1});
    const int32_t relu = activation(model, "relu", {1, 2, 2, 1});
    const int32_t pool = activation(model, "pool", {1, 1, 1, 1});
    const int32_t flat = activation(model, "flat", {1});
    model.operators.push_back({ir::OpCode::Relu, {in}, {relu}, std::monostate{}});
    ir::Pool2DOptions window;
    window.filter_height = window.filter_width = 2;
    model.operators.push_back({ir::OpCode::MaxPool2D, {relu}, {pool}, window});
    const int32_t shape = constant<int32_t>(model, "shape", {1}, {1}, ir::DType::Int32);
    model.operators.push_back({ir::OpCode::Reshape, {pool, shape}, {flat}, ir::ReshapeOptions{{1}}});
    model.inputs = {in};
    model.outputs = {flat};
    set_range(model, "in", -2.0f, 2.0f);
    set_range(model, "relu", 0.0f, 2.0f);
    set_range(model, "pool", 0.0f, 5.0f);
    set_range(model, "flat", 0.0f, 5.0f);
    QuantizeOptions options;
    options.dtype = dtype;
    options.granularity = Granularity::Channel;
    quantize_with_minmax(model, options);
    SCOPED_TRACE(ir::dtype_name(dtype));
    const float relu_scale = tensor(model, "relu").quant->scale[0];
    if (dtype == ir::DType::Int8) {
      EXPECT_EQ(tensor(model, "pool").quant->scale[0], relu_scale);
      EXPECT_EQ(tensor(model, "flat").quant->scale[0], relu_scale);
    } else {
      EXPECT_FLOAT_EQ(tensor(model, "pool").quant->scale[0], 5.0f / 255.0f);
    }
  }
}

TEST(Int8Scheme, ReduceMaxKeepsItsInputsParameters) {
  // TFLite's int8 ReduceMax compares codes and requires the input's parameters; ONE's
  // uint8 keeps the output's own (narrower) range.
  for (ir::DType dtype : {ir::DType::Int8, ir::DType::UInt8}) {
    ir::Model model;
    const int32_t in = activation(model, "in", {1, 4});
    const int32_t out = activation(model, "max", {1});
    const int32_t axes = constant<int32_t>(model, "axes", {1}, {1}, ir::DType::Int32);
    model.operators.push_back({ir::OpCode::ReduceMax, {in, axes}, {out}, ir::ReducerOptions{}});
    model.inputs = {in};
    model.outputs = {out};
    set_range(model, "in", -4.0f, 4.0f);
    set_range(model, "max", 1.0f, 4.0f);
    QuantizeOptions options;
    options.dtype = dtype;
    options.granularity = Granularity::Channel;
    quantize_with_minmax(model, options);
    SCOPED_TRACE(ir::dtype_name(dtype));
    const ir::QuantParams &input = *tensor(model, "in").quant;
    const ir::QuantParams &output = *tensor(model, "max").quant;
    if (dtype == ir::DType::Int8) {
      EXPECT_EQ(output.scale, input.scale);
      EXPECT_EQ(output.zero_point, input.zero_point);
    } else {
      EXPECT_FLOAT_EQ(output.scale[0], 4.0f / 255.0f); // [0, 4] (the range includes 0)
    }
  }
}

TEST(Int8Scheme, ConcatenationInputsOfOtherParametersAreRequantized) {
  // a feeds the Concatenation and is a graph output too: it keeps its own parameters and
  // the Concatenation reads it through a Quantize op with the output's.
  ir::Model model;
  const int32_t x = activation(model, "x", {1, 2});
  const int32_t a = activation(model, "a", {1, 2});
  const int32_t b = activation(model, "b", {1, 2});
  const int32_t cat = activation(model, "cat", {1, 4});
  model.operators.push_back({ir::OpCode::Relu, {x}, {a}, std::monostate{}});
  model.operators.push_back({ir::OpCode::Relu6, {x}, {b}, std::monostate{}});
  ir::ConcatenationOptions join;
  join.axis = 1;
  model.operators.push_back({ir::OpCode::Concatenation, {a, b}, {cat}, join});
  model.inputs = {x};
  model.outputs = {cat, a};
  set_range(model, "x", -4.0f, 4.0f);
  set_range(model, "a", 0.0f, 4.0f);
  set_range(model, "b", 0.0f, 4.0f);
  set_range(model, "cat", 0.0f, 8.0f);
  quantize_int8(model);
  const ir::Operator &concat = model.operators.back();
  ASSERT_EQ(concat.code, ir::OpCode::Concatenation);
  const ir::Tensor &requantized = model.tensors[concat.inputs[0]];
  EXPECT_EQ(requantized.name, "a_Requantize");
  EXPECT_EQ(model.operators[model.producer(concat.inputs[0])].code, ir::OpCode::Quantize);
  const ir::QuantParams &out = *tensor(model, "cat").quant;
  EXPECT_EQ(requantized.quant->scale, out.scale);
  EXPECT_EQ(requantized.quant->zero_point, out.zero_point);
  // b has one reader: ONE's backward propagation already gave it the output's parameters.
  EXPECT_EQ(model.tensors[concat.inputs[1]].name, "b");
  EXPECT_EQ(tensor(model, "b").quant->scale, out.scale);
  EXPECT_NE(tensor(model, "a").quant->scale, out.scale);
}

TEST(Int8Scheme, NeedsChannelGranularity) {
  ir::Model model = testing::conv2d_004();
  EXPECT_THROW(fake_quantize(model, ir::DType::Int8, Granularity::Layer), InputError);
  set_range(model, "ifm", -1.0f, 1.0f);
  set_range(model, "ofm", 0.0f, 1.0f);
  QuantizeOptions options;
  options.dtype = ir::DType::Int8;
  options.granularity = Granularity::Layer;
  EXPECT_THROW(quantize_with_minmax(model, options), InputError);
}

} // namespace
} // namespace qgold::quant
