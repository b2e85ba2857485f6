#include "ir/error.h"
#include "quant/quant.h"
#include "quant/test_models.h"

#include <gtest/gtest.h>

namespace qgold::quant {
namespace {

using testing::activation;
using testing::constant;
using testing::set_range;
using testing::tensor;

QuantizeOptions options(ir::DType dtype, Granularity granularity) {
  QuantizeOptions result;
  result.dtype = dtype;
  result.granularity = granularity;
  return result;
}

ir::Model recorded_conv2d_004(ir::DType dtype, Granularity granularity) {
  ir::Model model = testing::conv2d_004();
  fake_quantize(model, dtype, granularity);
  // The record_minmax goldens of Conv2D_004 channel/uint8.
  set_range(model, "ifm", 0.022708916887640953f, 0.9911645770072937f);
  set_range(model, "ofm", 0.0f, 14.86595230102539f);
  return model;
}

TEST(QuantizeWithMinMax, Conv2DChannelUint8MatchesGoldens) {
  ir::Model model = recorded_conv2d_004(ir::DType::UInt8, Granularity::Channel);
  quantize_with_minmax(model, options(ir::DType::UInt8, Granularity::Channel));
  const ir::Tensor &ker = tensor(model, "ker");
  EXPECT_EQ(ker.dtype, ir::DType::UInt8);
  EXPECT_EQ(ker.values<uint8_t>(), (std::vector<uint8_t>{136, 153, 68, 51, 34, 221, 0, 255, 204, 102, 187, 119,
                                                         0, 34, 255, 221}));
  const ir::Tensor &ifm = tensor(model, "ifm");
  EXPECT_EQ(ifm.dtype, ir::DType::UInt8);
  EXPECT_FLOAT_EQ(ifm.quant->scale[0], 0.0038869199343025684f);
  EXPECT_EQ(ifm.quant->zero_point[0], 0);
  EXPECT_TRUE(ifm.quant->min.empty()) << "min/max are erased unless save_min_max";
  const ir::Tensor &bias = tensor(model, "bias");
  EXPECT_EQ(bias.dtype, ir::DType::Int32);
  EXPECT_EQ(bias.values<int32_t>(), (std::vector<int32_t>{4374, 8747}));
  EXPECT_FLOAT_EQ(bias.quant->scale[0], 0.0002286423499283808f);
  EXPECT_FLOAT_EQ(tensor(model, "ofm").quant->scale[0], 0.05829785391688347f);
}

TEST(QuantizeWithMinMax, Conv2DLayerUint8BiasHasOneScale) {
  ir::Model model = recorded_conv2d_004(ir::DType::UInt8, Granularity::Layer);
  set_range(model, "ifm", 0.005472412034869194f, 0.9987304735183716f);
  quantize_with_minmax(model, options(ir::DType::UInt8, Granularity::Layer));
  EXPECT_EQ(tensor(model, "ker").values<uint8_t>(),
            (std::vector<uint8_t>{144, 160, 80, 64, 48, 224, 16, 255, 192, 96, 176, 112, 1, 32, 240, 208}));
  const ir::Tensor &bias = tensor(model, "bias");
  EXPECT_EQ(bias.values<int32_t>(), (std::vector<int32_t>{4069, 8138}));
  ASSERT_EQ(bias.quant->scale.size(), 1u);
  EXPECT_FLOAT_EQ(bias.quant->scale[0], 0.0002457468386200985f);
}

TEST(QuantizeWithMinMax, Int16BiasIsInt64) {
  ir::Model model = recorded_conv2d_004(ir::DType::Int16, Granularity::Channel);
  quantize_with_minmax(model, options(ir::DType::Int16, Granularity::Channel));
  const ir::Tensor &bias = tensor(model, "bias");
  EXPECT_EQ(bias.dtype, ir::DType::Int64);
  // s_in = 0.99116457/32767, s_w = 8/32767 -> b/(s_in*s_w) = 1 / 7.3853e-9 ~ 1.354e8
  const float s_in = 0.9911645770072937f / 32767.0f, s_w = 8.0f / 32767.0f;
  EXPECT_NEAR(static_cast<double>(bias.values<int64_t>()[0]), 1.0 / (static_cast<double>(s_in) * s_w), 16.0);
  EXPECT_EQ(tensor(model, "ker").dtype, ir::DType::Int16);
}

TEST(QuantizeWithMinMax, MissingRangeIsAnInputError) {
  ir::Model model = testing::conv2d_004();
  fake_quantize(model, ir::DType::UInt8, Granularity::Channel);
  set_range(model, "ifm", 0.0f, 1.0f);
  EXPECT_THROW(quantize_with_minmax(model, options(ir::DType::UInt8, Granularity::Channel)), InputError);
}

TEST(QuantizeWithMinMax, LayerInt16IsRejected) {
  ir::Model model = recorded_conv2d_004(ir::DType::UInt8, Granularity::Channel);
  EXPECT_THROW(quantize_with_minmax(model, options(ir::DType::Int16, Granularity::Layer)), InputError);
}

ir::Model concatenation_001() {
  ir::Model model;
  const int32_t ifm1 = activation(model, "ifm1", {1, 2, 2, 1});
  const int32_t ifm2 = constant(model, "ifm2", {1, 2, 2, 2}, std::vector<float>{1, 2, -3, -4, -5, 6, -7, 8});
  const int32_t ofm = activation(model, "ofm", {1, 2, 2, 3});
  model.operators.push_back({ir::OpCode::Concatenation, {ifm1, ifm2}, {ofm}, ir::ConcatenationOptions{3}});
  model.inputs = {ifm1};
  model.outputs = {ofm};
  set_range(model, "ifm1", -1.0f, 0.5f);
  set_range(model, "ofm", -7.0f, 8.0f);
  return model;
}

TEST(QuantizeWithMinMax, ConcatenationPropagatesBackward) {
  ir::Model model = concatenation_001();
  quantize_with_minmax(model, options(ir::DType::Int16, Granularity::Channel));
  const float ofm_scale = tensor(model, "ofm").quant->scale[0];
  EXPECT_FLOAT_EQ(ofm_scale, 0.00024414808f);
  EXPECT_EQ(tensor(model, "ifm1").quant->scale[0], ofm_scale);
  EXPECT_EQ(tensor(model, "ifm2").values<int16_t>(),
            (std::vector<int16_t>{4096, 8192, -12288, -16384, -20479, 24575, -28671, 32767}));
}

TEST(QuantizeWithMinMax, MixedPrecisionInsertsQuantizeOps) {
  ir::Model model = testing::conv2d_004();
  QConf qconf{{LayerOverride{{{"ofm"}}, ir::DType::UInt8, Granularity::Layer}}};
  fake_quantize(model, ir::DType::Int16, Granularity::Channel, &qconf);
  set_range(model, "ifm", -0.5f, 1.0f);
  set_range(model, "ofm", 0.0f, 10.0f);
  QuantizeOptions mixed = options(ir::DType::Int16, Granularity::Channel);
  mixed.qconf = &qconf;
  quantize_with_minmax(model, mixed);

  EXPECT_EQ(tensor(model, "ifm").dtype, ir::DType::Int16);
  const ir::Tensor &converted = tensor(model, "ifm_Quantize");
  EXPECT_EQ(converted.dtype, ir::DType::UInt8);
  EXPECT_FLOAT_EQ(converted.quant->scale[0], 1.5f / 255.0f);
  EXPECT_EQ(converted.quant->zero_point[0], 85);
  EXPECT_EQ(tensor(model, "ofm").dtype, ir::DType::UInt8);
  EXPECT_EQ(tensor(model, "ker").dtype, ir::DType::UInt8);
  const int32_t out = model.outputs[0];
  EXPECT_EQ(model.tensors[out].name, "ofm_Quantize");
  EXPECT_EQ(model.tensors[out].dtype, ir::DType::Int16);
  ASSERT_EQ(model.operators.size(), 3u);
  EXPECT_EQ(model.operators[0].code, ir::OpCode::Quantize);
  EXPECT_EQ(model.operators[1].code, ir::OpCode::Conv2D);
  EXPECT_EQ(model.operators[2].code, ir::OpCode::Quantize);
}

ir::Model unary(ir::OpCode code, ir::Options options = std::monostate{}) {
  ir::Model model;
  const int32_t in = activation(model, "in", {1, 4});
  const int32_t out = activation(model, "out", {1, 4});
  model.operators.push_back({code, {in}, {out}, options});
  model.inputs = {in};
  model.outputs = {out};
  set_range(model, "in", -2.0f, 2.0f);
  set_range(model, "out", -1.0f, 3.0f);
  return model;
}

// x -> Greater(x, 0) -> Cast(bool -> float) -> Mul(x, mask): a ReLU made of ops.
ir::Model masked_by_cast() {
  ir::Model model;
  const int32_t x = activation(model, "x", {1, 4});
  const int32_t zero = constant(model, "zero", {1}, std::vector<float>{0.0f});
  ir::Tensor flag;
  flag.name = "positive";
  flag.dtype = ir::DType::Bool;
  flag.shape = {1, 4};
  const int32_t positive = model.add_tensor(std::move(flag));
  const int32_t mask = activation(model, "mask", {1, 4});
  const int32_t out = activation(model, "out", {1, 4});
  model.operators.push_back({ir::OpCode::Greater, {x, zero}, {positive}, std::monostate{}});
  model.operators.push_back(
      {ir::OpCode::Cast, {positive}, {mask}, ir::CastOptions{ir::DType::Bool, ir::DType::Float32}});
  model.operators.push_back({ir::OpCode::Mul, {x, mask}, {out}, ir::ElementwiseOptions{}});
  model.inputs = {x};
  model.outputs = {out};
  set_range(model, "x", -1.0f, 1.0f);
  set_range(model, "mask", 0.0f, 1.0f);
  set_range(model, "out", 0.0f, 1.0f);
  return model;
}

TEST(QuantizeWithMinMax, CastRecordsTheQuantizedDtypesOfItsOperands) {
  for (ir::DType dtype : {ir::DType::UInt8, ir::DType::Int16}) {
    ir::Model model = masked_by_cast();
    quantize_with_minmax(model, options(dtype, Granularity::Channel));
    EXPECT_EQ(std::get<ir::CastOptions>(model.operators[1].options),
              (ir::CastOptions{ir::DType::Bool, dtype}));
    EXPECT_EQ(tensor(model, "positive").dtype, ir::DType::Bool);
    EXPECT_FALSE(tensor(model, "positive").quant) << "a bool output is not quantized";
    EXPECT_EQ(tensor(model, "mask").dtype, dtype);
    EXPECT_EQ(tensor(model, "zero").dtype, dtype) << "Greater's constant is quantized per tensor";
  }
}

TEST(QuantizeWithMinMax, CastFromAQuantizedInputToAnIntegerIsRefusedAsOneDoes) {
  ir::Model model;
  const int32_t x = activation(model, "x", {1, 4});
  ir::Tensor integers;
  integers.name = "integers";
  integers.dtype = ir::DType::Int32;
  integers.shape = {1, 4};
  const int32_t i = model.add_tensor(std::move(integers));
  const int32_t out = activation(model, "out", {1, 4});
  model.operators.push_back(
      {ir::OpCode::Cast, {x}, {i}, ir::CastOptions{ir::DType::Float32, ir::DType::Int32}});
  model.operators.push_back(
      {ir::OpCode::Cast, {i}, {out}, ir::CastOptions{ir::DType::Int32, ir::DType::Float32}});
  model.inputs = {x};
  model.outputs = {out};
  set_range(model, "x", -4.0f, 4.0f);
  set_range(model, "out", -4.0f, 4.0f);
  try {
    quantize_with_minmax(model, options(ir::DType::UInt8, Granularity::Layer));
    ADD_FAILURE() << "quantized a float -> int32 Cast";
  } catch (const UnsupportedError &e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("operator 0 (Cast): its float input 'x' is quantized to UINT8 but its "
                           "output 'integers' stays INT32"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("Wrong data type detected in integers"), std::string::npos) << message;
  }
}

TEST(QuantizeWithMinMax, SoftmaxAndLogisticGetFixedParams) {
  ir::Model softmax = unary(ir::OpCode::Softmax, ir::SoftmaxOptions{1.0f});
  quantize_with_minmax(softmax, options(ir::DType::UInt8, Granularity::Layer));
  EXPECT_EQ(tensor(softmax, "out").quant->scale[0], 1.0f / 255.0f);
  ir::Model logistic = unary(ir::OpCode::Logistic);
  quantize_with_minmax(logistic, options(ir::DType::Int16, Granularity::Channel));
  EXPECT_EQ(tensor(logistic, "out").quant->scale[0], 1.0f / 32768.0f);
  ir::Model tanh = unary(ir::OpCode::Tanh);
  quantize_with_minmax(tanh, options(ir::DType::UInt8, Granularity::Layer));
  EXPECT_EQ(tensor(tanh, "out").quant->zero_point[0], 128);
}

TEST(QuantizeWithMinMax, MaxPoolKeepsItsOwnRange) {
  ir::Model model = unary(ir::OpCode::MaxPool2D, ir::Pool2DOptions{});
  quantize_with_minmax(model, options(ir::DType::UInt8, Granularity::Layer));
  EXPECT_FLOAT_EQ(tensor(model, "out").quant->scale[0], 4.0f / 255.0f);
  EXPECT_FLOAT_EQ(tensor(model, "in").quant->scale[0], 4.0f / 255.0f);
  EXPECT_EQ(tensor(model, "out").quant->zero_point[0], 64);
}

TEST(QuantizeWithMinMax, ReshapePropagatesBackwardThenForward) {
  ir::Model model;
  const int32_t in = activation(model, "in", {1, 4});
  const int32_t out = activation(model, "out", {2, 2});
  model.operators.push_back({ir::OpCode::Reshape, {in}, {out}, ir::ReshapeOptions{{2, 2}}});
  model.inputs = {in};
  model.outputs = {out};
  set_range(model, "in", -2.0f, 2.0f);
  set_range(model, "out", -1.0f, 3.0f);
  quantize_with_minmax(model, options(ir::DType::UInt8, Granularity::Layer));
  EXPECT_EQ(tensor(model, "in").quant->scale, tensor(model, "out").quant->scale);
  EXPECT_FLOAT_EQ(tensor(model, "in").quant->scale[0], 4.0f / 255.0f);
}

TEST(QuantizeWithMinMax, SplitOutputsTakeTheInputParams) {
  ir::Model model;
  const int32_t axis = constant<int32_t>(model, "axis", {}, {1}, ir::DType::Int32);
  const int32_t in = activation(model, "in", {1, 4});
  const int32_t a = activation(model, "a", {1, 2});
  const int32_t b = activation(model, "b", {1, 2});
  model.operators.push_back({ir::OpCode::Split, {axis, in}, {a, b}, ir::SplitOptions{2}});
  model.inputs = {in};
  model.outputs = {a, b};
  set_range(model, "in", -2.0f, 2.0f);
  set_range(model, "a", -1.0f, 1.0f);
  set_range(model, "b", 0.0f, 2.0f);
  quantize_with_minmax(model, options(ir::DType::Int16, Granularity::Channel));
  EXPECT_EQ(tensor(model, "a").quant->scale, tensor(model, "in").quant->scale);
  EXPECT_EQ(tensor(model, "b").quant->scale, tensor(model, "in").quant->scale);
  EXPECT_EQ(tensor(model, "axis").dtype, ir::DType::Int32) << "split_dim stays int32";
}

TEST(QuantizeWithMinMax, AddQuantizesItsConstantOperandPerTensor) {
  ir::Model model;
  const int32_t x = activation(model, "x", {1, 4});
  const int32_t y = constant(model, "y", {1, 4}, std::vector<float>{-1.5f, 0.0f, 1.0f, 3.0f});
  const int32_t out = activation(model, "out", {1, 4});
  model.operators.push_back({ir::OpCode::Add, {x, y}, {out}, ir::ElementwiseOptions{}});
  model.inputs = {x};
  model.outputs = {out};
  set_range(model, "x", -1.0f, 1.0f);
  set_range(model, "out", -2.0f, 4.0f);
  quantize_with_minmax(model, options(ir::DType::UInt8, Granularity::Layer));
  const ir::Tensor &constant_y = tensor(model, "y");
  EXPECT_EQ(constant_y.dtype, ir::DType::UInt8);
  EXPECT_EQ(constant_y.values<uint8_t>(), (std::vector<uint8_t>{0, 85, 142, 255})); // worked example A
  EXPECT_EQ(constant_y.quant->zero_point[0], 85);
}

ir::Model prelu(std::vector<float> alpha) {
  ir::Model model;
  const int32_t in = activation(model, "in", {1, 2, 2, 3});
  const int32_t a = constant(model, "alpha", {1, 1, 3}, std::move(alpha));
  const int32_t out = activation(model, "out", {1, 2, 2, 3});
  model.operators.push_back({ir::OpCode::PRelu, {in, a}, {out}, std::monostate{}});
  model.inputs = {in};
  model.outputs = {out};
  set_range(model, "in", -1.0f, 1.0f);
  set_range(model, "out", -0.5f, 1.0f);
  return model;
}

TEST(QuantizeWithMinMax, PReluAlphaPerChannelIsExactPerElement) {
  ir::Model model = prelu({0.1f, -0.2f, 0.3f});
  quantize_with_minmax(model, options(ir::DType::UInt8, Granularity::Channel));
  const ir::Tensor &alpha = tensor(model, "alpha");
  EXPECT_EQ(alpha.values<uint8_t>(), (std::vector<uint8_t>{1, 0, 1}));
  EXPECT_EQ(alpha.quant->scale, (std::vector<float>{0.1f, 0.2f, 0.3f}));
  EXPECT_EQ(alpha.quant->zero_point, (std::vector<int64_t>{0, 1, 0}));
  EXPECT_EQ(alpha.quant->quantized_dimension, 2);

  ir::Model int16 = prelu({0.1f, -0.2f, 0.3f});
  quantize_with_minmax(int16, options(ir::DType::Int16, Granularity::Channel));
  EXPECT_EQ(tensor(int16, "alpha").values<int16_t>(), (std::vector<int16_t>{1, -1, 1}));
}

TEST(QuantizeWithMinMax, PReluAlphaPerLayerIsQuantConst) {
  ir::Model model = prelu({0.5f, 0.25f, 0.0f});
  quantize_with_minmax(model, options(ir::DType::UInt8, Granularity::Layer));
  const ir::Tensor &alpha = tensor(model, "alpha");
  ASSERT_EQ(alpha.quant->scale.size(), 1u);
  EXPECT_FLOAT_EQ(alpha.quant->scale[0], 0.5f / 255.0f);
  // 0.25 is half the range, but f32(0.5/255) is slightly above 0.5/255, so
  // 0.25 * f32(1/scale) = 127.49999 rounds down: the float evaluation matters.
  EXPECT_EQ(alpha.values<uint8_t>(), (std::vector<uint8_t>{255, 127, 0}));
}

TEST(QuantizeWithMinMax, FloatInputAndOutputTypesInsertConversions) {
  ir::Model model = unary(ir::OpCode::Relu);
  QuantizeOptions request = options(ir::DType::UInt8, Granularity::Layer);
  request.input_type = ir::DType::Float32;
  request.output_type = ir::DType::Float32;
  quantize_with_minmax(model, request);
  EXPECT_EQ(tensor(model, "in").dtype, ir::DType::Float32);
  EXPECT_EQ(tensor(model, "in_Quantize").dtype, ir::DType::UInt8);
  EXPECT_EQ(model.tensors[model.outputs[0]].name, "out_Dequantize");
  EXPECT_EQ(model.tensors[model.outputs[0]].dtype, ir::DType::Float32);
  ASSERT_EQ(model.operators.size(), 3u);
  EXPECT_EQ(model.operators.front().code, ir::OpCode::Quantize);
  EXPECT_EQ(model.operators.back().code, ir::OpCode::Dequantize);
}

TEST(QuantizeWithMinMax, SaveMinMaxKeepsRanges) {
  ir::Model model = unary(ir::OpCode::Relu);
  QuantizeOptions request = options(ir::DType::UInt8, Granularity::Layer);
  request.save_min_max = true;
  quantize_with_minmax(model, request);
  EXPECT_EQ(tensor(model, "in").quant->min, (std::vector<float>{-2.0f}));
}

} // namespace
} // namespace qgold::quant
