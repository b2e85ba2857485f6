#include "ir/error.h"
#include "quant/quant.h"
#include "quant/test_models.h"

#include <gtest/gtest.h>

namespace qgold::quant {
namespace {

using testing::conv2d_004;
using testing::tensor;

TEST(FakeQuantize, ChannelUint8KeepsGridValuesAndAttachesParams) {
  ir::Model model = conv2d_004();
  fake_quantize(model, ir::DType::UInt8, Granularity::Channel);
  const ir::Tensor &ker = tensor(model, "ker");
  EXPECT_EQ(ker.dtype, ir::DType::Float32);
  // Every integer in [-7, 8] lies on the grid of scale 15/255 up to float rounding.
  const std::vector<float> original = {1, 2, -3, -4, -5, 6, -7, 8, 4, -2, 3, -1, -8, -6, 7, 5};
  const auto values = ker.values<float>();
  for (size_t i = 0; i < values.size(); ++i)
    EXPECT_NEAR(values[i], original[i], 1e-5) << i;
  ASSERT_TRUE(ker.quant);
  EXPECT_EQ(ker.quant->zero_point, (std::vector<int64_t>{119, 136}));
  EXPECT_EQ(ker.quant->min, (std::vector<float>{-7.0f, -8.0f}));
  EXPECT_EQ(ker.quant->quantized_dimension, 0);
  EXPECT_FALSE(tensor(model, "bias").quant) << "bias is not fake-quantized";
}

TEST(FakeQuantize, LayerUint8MovesValuesOntoTheNudgedGrid) {
  ir::Model model = conv2d_004();
  fake_quantize(model, ir::DType::UInt8, Granularity::Layer);
  const auto values = tensor(model, "ker").values<float>();
  // Golden Conv2D_004 layer/uint8 fake_quantization: 1 -> 1.0039216, 8 -> 7.9686275 (clipped), -8 -> -7.9686275.
  EXPECT_FLOAT_EQ(values[0], 1.003921627998352f);
  EXPECT_FLOAT_EQ(values[7], 7.968627452850342f);
  EXPECT_FLOAT_EQ(values[12], -7.968627452850342f);
  EXPECT_EQ(tensor(model, "ker").quant->zero_point, (std::vector<int64_t>{128}));
}

TEST(FakeQuantize, ChannelInt16IsSymmetric) {
  ir::Model model = conv2d_004();
  fake_quantize(model, ir::DType::Int16, Granularity::Channel);
  const ir::Tensor &ker = tensor(model, "ker");
  EXPECT_EQ(ker.quant->scale, (std::vector<float>{8.0f / 32767.0f, 8.0f / 32767.0f}));
  EXPECT_EQ(ker.quant->zero_point, (std::vector<int64_t>{0, 0}));
}

TEST(FakeQuantize, DepthwiseChannelAxisIsRecorded) {
  ir::Model model;
  const int32_t ifm = testing::activation(model, "ifm", {1, 3, 3, 2});
  const int32_t ker = testing::constant(model, "ker", {1, 2, 2, 2}, std::vector<float>{1, -4, 2, 8, -3, 1, 0, 2});
  const int32_t ofm = testing::activation(model, "ofm", {1, 2, 2, 2});
  model.operators.push_back({ir::OpCode::DepthwiseConv2D, {ifm, ker, -1}, {ofm}, ir::DepthwiseConv2DOptions{}});
  model.inputs = {ifm};
  model.outputs = {ofm};
  fake_quantize(model, ir::DType::UInt8, Granularity::Channel);
  const ir::Tensor &weights = tensor(model, "ker");
  EXPECT_EQ(weights.quant->quantized_dimension, 3);
  // channel 0 holds 1, 2, -3, 0 and channel 1 holds -4, 8, 1, 2 (last axis)
  EXPECT_EQ(weights.quant->min, (std::vector<float>{-3.0f, -4.0f}));
  EXPECT_EQ(weights.quant->zero_point, (std::vector<int64_t>{153, 85})); // 3/(5/255), 4/(12/255)
}

TEST(FakeQuantize, LayerInt16IsRejected) {
  ir::Model model = conv2d_004();
  EXPECT_THROW(fake_quantize(model, ir::DType::Int16, Granularity::Layer), InputError);
}

TEST(FakeQuantize, QconfOverridesTheLayer) {
  ir::Model model = conv2d_004();
  QConf qconf{{LayerOverride{{{"ofm"}}, ir::DType::Int16, Granularity::Channel}}};
  fake_quantize(model, ir::DType::UInt8, Granularity::Layer, &qconf);
  EXPECT_EQ(tensor(model, "ker").quant->scale.size(), 2u);
  EXPECT_EQ(tensor(model, "ker").quant->zero_point, (std::vector<int64_t>{0, 0}));
}

TEST(FakeQuantize, ClearsExistingParams) {
  ir::Model model = conv2d_004();
  testing::set_range(model, "ifm", 0.0f, 1.0f);
  fake_quantize(model, ir::DType::UInt8, Granularity::Channel);
  EXPECT_FALSE(tensor(model, "ifm").quant);
}

TEST(QuantizeWeights, Int8PerChannelMatchesWorkedExample) {
  ir::Model model = conv2d_004();
  quantize_weights(model, ir::DType::Int8, Granularity::Channel);
  const ir::Tensor &ker = tensor(model, "ker");
  EXPECT_EQ(ker.dtype, ir::DType::Int8);
  EXPECT_EQ(ker.values<int8_t>(),
            (std::vector<int8_t>{16, 32, -48, -64, -79, 95, -111, 127, 64, -32, 48, -16, -127, -95, 111, 79}));
  EXPECT_FLOAT_EQ(ker.quant->scale[0], 0.062992126f);
  EXPECT_TRUE(ker.quant->min.empty());
  EXPECT_EQ(tensor(model, "bias").dtype, ir::DType::Float32);
  EXPECT_THROW(quantize_weights(model, ir::DType::UInt8, Granularity::Channel), InputError);
  EXPECT_THROW(quantize_weights(model, ir::DType::Int8, Granularity::Layer), InputError);
}

TEST(QConf, ParsesNameNamesAndAlternate) {
  const QConf qconf = parse_qconf(R"({"layers": [
      {"name": "a", "dtype": "uint8", "granularity": "layer"},
      {"names": ["b", "c"], "dtype": "int16", "granularity": "channel"},
      {"alternate": {"x": ["d"], "y": ["e"]}, "dtype": "int16", "granularity": "channel"}]})",
                                  "q.json");
  ASSERT_EQ(qconf.layers.size(), 3u);
  EXPECT_EQ(qconf.layers[1].name_sets[0], (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(qconf.layers[2].name_sets.size(), 2u);
  EXPECT_EQ(qconf.layers[1].dtype, ir::DType::Int16);
}

TEST(QConf, ErrorsNameTheFileAndEntry) {
  try {
    parse_qconf(R"({"layers": [{"name": "a", "dtype": "int4", "granularity": "layer"}]})", "q.json");
    FAIL();
  } catch (const InputError &error) {
    EXPECT_NE(std::string(error.what()).find("q.json: layers[0]: dtype 'int4'"), std::string::npos) << error.what();
  }
  EXPECT_THROW(parse_qconf("{", "q.json"), InputError);
  EXPECT_THROW(parse_qconf(R"({"layers": [{"dtype": "uint8", "granularity": "layer"}]})", "q.json"), InputError);
}

} // namespace
} // namespace qgold::quant
