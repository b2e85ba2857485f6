// Step 4 through quantize_with_minmax: the per-op rules of ONE's
// PropagateQParamBackwardPass that the registry's Backward traits do not say.
#include "quant/quant.h"
#include "quant/test_models.h"

#include <gtest/gtest.h>

#include <limits>

namespace qgold::quant {
namespace {

using testing::activation;
using testing::constant;
using testing::set_range;
using testing::tensor;

constexpr float kLowest = std::numeric_limits<float>::lowest();

QuantizeOptions request(ir::DType dtype, Granularity granularity) {
  QuantizeOptions options;
  options.dtype = dtype;
  options.granularity = granularity;
  options.save_min_max = true;
  return options;
}

// in [1,2,2,1] -> PadV2(one row and column each side, `value`) -> out [1,4,4,1].
ir::Model pad_v2(float value, float out_min) {
  ir::Model model;
  const int32_t in = activation(model, "in", {1, 2, 2, 1});
  const int32_t paddings = constant<int32_t>(model, "paddings", {4, 2}, {0, 0, 1, 1, 1, 1, 0, 0},
                                             ir::DType::Int32);
  const int32_t fill = constant(model, "fill", {1}, std::vector<float>{value});
  const int32_t out = activation(model, "out", {1, 4, 4, 1});
  model.operators.push_back({ir::OpCode::PadV2, {in, paddings, fill}, {out}, std::monostate{}});
  model.inputs = {in};
  model.outputs = {out};
  set_range(model, "in", -1.0f, 2.0f);
  set_range(model, "out", out_min, 2.0f);
  return model;
}

TEST(PropagateQParamsBackward, PadV2GivesItsParamsToInputAndConstant) {
  ir::Model model = pad_v2(0.5f, -1.5f);
  quantize_with_minmax(model, request(ir::DType::UInt8, Granularity::Layer));
  const ir::QuantParams &out = *tensor(model, "out").quant;
  EXPECT_FLOAT_EQ(out.scale[0], 3.5f / 255.0f); // its own range [-1.5, 2]
  EXPECT_EQ(tensor(model, "in").quant->scale, out.scale);
  EXPECT_EQ(tensor(model, "in").quant->min, (std::vector<float>{-1.5f}));
  const ir::Tensor &fill = tensor(model, "fill");
  EXPECT_EQ(fill.quant->scale, out.scale);
  // 0.5 / (3.5 / 255) = 36.43 -> 36, plus zero point 109.
  EXPECT_EQ(out.zero_point[0], 109);
  EXPECT_EQ(fill.values<uint8_t>(), (std::vector<uint8_t>{145}));
}

TEST(PropagateQParamsBackward, PadV2WithTheLowestFloatKeepsTheInputRange) {
  // The padding of a converted MaxPoolWithArgmax: the output's recorded range
  // starts at the lowest float; the output and the constant take the input's.
  ir::Model model = pad_v2(kLowest, kLowest);
  quantize_with_minmax(model, request(ir::DType::UInt8, Granularity::Layer));
  const ir::QuantParams &in = *tensor(model, "in").quant;
  EXPECT_FLOAT_EQ(in.scale[0], 3.0f / 255.0f);
  EXPECT_EQ(in.min, (std::vector<float>{-1.0f}));
  EXPECT_EQ(tensor(model, "out").quant->scale, in.scale);
  EXPECT_EQ(tensor(model, "out").quant->zero_point, in.zero_point);
  EXPECT_EQ(tensor(model, "out").quant->min, in.min);
  const ir::Tensor &fill = tensor(model, "fill");
  EXPECT_EQ(fill.quant->scale, in.scale);
  EXPECT_EQ(fill.values<uint8_t>(), (std::vector<uint8_t>{0})); // clipped to the lowest code

  ir::Model wide = pad_v2(kLowest, kLowest);
  quantize_with_minmax(wide, request(ir::DType::Int16, Granularity::Channel));
  EXPECT_FLOAT_EQ(tensor(wide, "out").quant->scale[0], 2.0f / 32767.0f);
  EXPECT_EQ(tensor(wide, "fill").values<int16_t>(), (std::vector<int16_t>{-32767}));
}

TEST(PropagateQParamsBackward, TransposeDoesNotReachIntoASplitOutput) {
  // in -> Split -> (a, b); a -> Transpose -> t. ONE skips the virtual SplitOut
  // node, so `a` keeps its own recorded range (its scale then comes forward from `in`).
  ir::Model model;
  const int32_t axis = constant<int32_t>(model, "axis", {}, {1}, ir::DType::Int32);
  const int32_t in = activation(model, "in", {1, 4});
  const int32_t a = activation(model, "a", {1, 2});
  const int32_t b = activation(model, "b", {1, 2});
  const int32_t perm = constant<int32_t>(model, "perm", {2}, {1, 0}, ir::DType::Int32);
  const int32_t t = activation(model, "t", {2, 1});
  model.operators.push_back({ir::OpCode::Split, {axis, in}, {a, b}, ir::SplitOptions{2}});
  model.operators.push_back({ir::OpCode::Transpose, {a, perm}, {t}, std::monostate{}});
  model.inputs = {in};
  model.outputs = {t, b};
  set_range(model, "in", -2.0f, 2.0f);
  set_range(model, "a", -1.0f, 1.0f);
  set_range(model, "b", 0.0f, 2.0f);
  set_range(model, "t", -0.5f, 0.5f);
  quantize_with_minmax(model, request(ir::DType::UInt8, Granularity::Layer));
  EXPECT_EQ(tensor(model, "a").quant->min, (std::vector<float>{-1.0f}));
  EXPECT_EQ(tensor(model, "a").quant->scale, tensor(model, "in").quant->scale);
  EXPECT_EQ(tensor(model, "t").quant->scale, tensor(model, "in").quant->scale);
}

TEST(PropagateQParamsBackward, TransposeGivesItsParamsToASingleUseInput) {
  ir::Model model;
  const int32_t in = activation(model, "in", {2, 3});
  const int32_t perm = constant<int32_t>(model, "perm", {2}, {1, 0}, ir::DType::Int32);
  const int32_t out = activation(model, "out", {3, 2});
  model.operators.push_back({ir::OpCode::Transpose, {in, perm}, {out}, std::monostate{}});
  model.inputs = {in};
  model.outputs = {out};
  set_range(model, "in", -2.0f, 2.0f);
  set_range(model, "out", -1.0f, 3.0f);
  quantize_with_minmax(model, request(ir::DType::UInt8, Granularity::Layer));
  EXPECT_FLOAT_EQ(tensor(model, "in").quant->scale[0], 4.0f / 255.0f);
  EXPECT_EQ(tensor(model, "in").quant->min, (std::vector<float>{-1.0f}));
  EXPECT_EQ(tensor(model, "out").quant->scale, tensor(model, "in").quant->scale);
}

} // namespace
} // namespace qgold::quant
