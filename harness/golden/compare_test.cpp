#include "harness/golden/compare.h"

#include <gtest/gtest.h>

using namespace qgold;
using namespace qgold::harness;

namespace {

ir::Tensor float_tensor(std::vector<float> values) {
  ir::Tensor tensor;
  tensor.name = "t";
  tensor.shape = {static_cast<int32_t>(values.size())};
  tensor.set_values<float>(values);
  return tensor;
}

template <typename T> ir::Tensor int_tensor(ir::DType dtype, std::vector<T> values) {
  ir::Tensor tensor;
  tensor.name = "q";
  tensor.dtype = dtype;
  tensor.shape = {static_cast<int32_t>(values.size())};
  tensor.set_values<T>(values);
  return tensor;
}

ir::Tensor activation(ir::QuantParams quant) {
  ir::Tensor tensor;
  tensor.name = "a";
  tensor.shape = {1, 2};
  tensor.quant = std::move(quant);
  return tensor;
}

Golden weights(std::vector<double> values) {
  Golden golden;
  golden.weights = GoldenArray::list(std::move(values));
  return golden;
}

Golden int_weights(std::vector<int64_t> values) {
  Golden golden;
  ir::Shape shape{static_cast<int32_t>(values.size())};
  golden.weights = GoldenArray::int_list(std::move(values), shape);
  return golden;
}

} // namespace

const CompareOptions kOne{Tolerances::one_allclose()};

// ONE's allclose: |got - expected| <= 1e-5 + 1e-5 * |expected|; qgold's rule
// falls back to it for a float whose tensor has no scale.
TEST(Compare, FloatWeightsAtTheAllcloseBoundary) {
  for (const CompareOptions &options : {kOne, CompareOptions{}}) {
    Golden golden = weights({0.0, 100.0});
    EXPECT_TRUE(compare_golden(golden, float_tensor({0.99e-5f, 100.00099f}), options).empty());
    auto mismatches = compare_golden(golden, float_tensor({1.01e-5f, 100.00103f}), options);
    ASSERT_EQ(mismatches.size(), 2u);
    EXPECT_EQ(mismatches[0].key, "weights");
    EXPECT_EQ(mismatches[0].index, 0);
    EXPECT_EQ(mismatches[1].index, 1);
    EXPECT_EQ(mismatches[1].expected, 100.0);
    EXPECT_NEAR(mismatches[1].diff, 0.00103, 1e-5);
  }
}

TEST(Compare, OneAllcloseForScaleMinMax) {
  ir::Tensor tensor = activation({{-1.0f}, {2.0f}, {0.5f}, {3}, 0});
  Golden golden;
  golden.scale = GoldenArray::scalar(0.5 + 1.4e-5); // bound 1e-5 + 0.5e-5
  golden.min = GoldenArray::scalar(-1.0 + 1.9e-5);  // bound 2e-5
  golden.max = GoldenArray::scalar(2.0 - 3.1e-5);   // bound 3e-5 (+ rounding of 2.0 - x)
  auto mismatches = compare_golden(golden, tensor, kOne);
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].key, "max");
  golden.scale = GoldenArray::scalar(0.5 + 1.6e-5);
  golden.max = GoldenArray::scalar(2.0);
  mismatches = compare_golden(golden, tensor, kOne);
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].key, "scale");
}

// qgold's rule: a scale within 1e-6 relative, reported by the codes it moves
// at the ends of the range: 0.78% of a uint8 scale moves code 255 by 2.
TEST(Compare, ScaleWithinOnePartPerMillionReportedInCodesMoved) {
  ir::Tensor tensor = activation({{}, {}, {0.0010078f}, {0}, 0});
  tensor.dtype = ir::DType::UInt8;
  Golden golden;
  golden.scale = GoldenArray::scalar(0.001);
  auto mismatches = compare_golden(golden, tensor);
  ASSERT_EQ(mismatches.size(), 1u);
  ASSERT_TRUE(mismatches[0].codes_moved);
  EXPECT_NEAR(*mismatches[0].codes_moved, 255 * 7.8e-6 / 0.0010078, 1e-4);
  EXPECT_FALSE(mismatches[0].diff_steps);
  EXPECT_NE(mismatches[0].describe().find(", moves the end codes by 1.97)"), std::string::npos)
      << mismatches[0].describe();
  // Under ONE's allclose, 0.78% of 0.001 is within 1e-5 absolute.
  EXPECT_TRUE(compare_golden(golden, tensor, kOne).empty());

  tensor.quant->scale = {static_cast<float>(0.001 * (1 + 0.9e-6))};
  EXPECT_TRUE(compare_golden(golden, tensor).empty());
  tensor.quant->scale = {static_cast<float>(0.001 * (1 + 1.2e-6))};
  EXPECT_EQ(compare_golden(golden, tensor).size(), 1u);
  // int16 zero point 0: the ends are 32768 codes away.
  tensor.dtype = ir::DType::Int16;
  EXPECT_NEAR(*compare_golden(golden, tensor)[0].codes_moved, 32768 * 1.2e-6, 1e-3);
}

// qgold's rule: min and max within 0.03 steps of the tensor's quantization
// golden's scale.
TEST(Compare, MinMaxInStepsOfTheQuantizationGolden) {
  Golden quantized;
  quantized.scale = GoldenArray::scalar(0.0125);
  CompareOptions options;
  options.reference = &quantized;
  Golden golden;
  golden.min = GoldenArray::scalar(-1.0);
  golden.max = GoldenArray::scalar(2.0);
  // 0.0003 = 0.024 steps passes; 0.0005 = 0.04 steps fails.
  EXPECT_TRUE(
      compare_golden(golden, activation({{-1.0003f}, {2.0003f}, {}, {}, 0}), options).empty());
  auto mismatches = compare_golden(golden, activation({{-1.0f}, {2.0005f}, {}, {}, 0}), options);
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].key, "max");
  ASSERT_TRUE(mismatches[0].diff_steps);
  EXPECT_NEAR(*mismatches[0].diff_steps, 0.04, 1e-4);
  // ONE's allclose takes 3e-5 on 2.0 whatever the step; qgold's rule with no
  // step known falls back to it.
  EXPECT_TRUE(compare_golden(golden, activation({{-1.0f}, {2.00002f}, {}, {}, 0})).empty());
  EXPECT_EQ(compare_golden(golden, activation({{-1.0f}, {2.0005f}, {}, {}, 0})).size(), 1u);
}

TEST(Compare, ZeroPointWithinOne) {
  ir::Tensor tensor = activation({{}, {}, {0.1f, 0.1f}, {120, 117}, 0});
  Golden golden;
  golden.zero_point = GoldenArray::list({119.0, 119.0});
  auto mismatches = compare_golden(golden, tensor);
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].key, "zero_point");
  EXPECT_EQ(mismatches[0].index, 1);
  EXPECT_EQ(mismatches[0].diff, 2.0);
  EXPECT_EQ(mismatches[0].describe(), "zero_point[1] expected 119 got 117 (diff 2, 2 steps)");
}

TEST(Compare, QuantizedWeightsWithinOne) {
  auto tensor = int_tensor<uint8_t>(ir::DType::UInt8, {10, 11, 12});
  auto mismatches = compare_golden(int_weights({9, 11, 14}), tensor);
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].index, 2);
  auto signed_tensor = int_tensor<int16_t>(ir::DType::Int16, {-32767, 5});
  EXPECT_TRUE(compare_golden(int_weights({-32766, 4}), signed_tensor).empty());
}

TEST(Compare, Int64WeightsWithinFive) {
  auto tensor = int_tensor<int64_t>(ir::DType::Int64, {10000000, -10000000});
  EXPECT_TRUE(compare_golden(int_weights({10000005, -9999995}), tensor).empty());
  auto mismatches = compare_golden(int_weights({10000006, -10000000}), tensor);
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].index, 0);
}

TEST(Compare, ExactModeRejectsAnyDifference) {
  CompareOptions exact;
  exact.tolerances.exact = true;
  auto tensor = int_tensor<uint8_t>(ir::DType::UInt8, {10, 11});
  EXPECT_TRUE(compare_golden(int_weights({10, 11}), tensor, exact).empty());
  EXPECT_EQ(compare_golden(int_weights({10, 12}), tensor, exact).size(), 1u);
  EXPECT_EQ(compare_golden(weights({0.5}), float_tensor({0.5f + 1e-7f}), exact).size(), 1u);
}

TEST(Compare, ToleranceOverride) {
  CompareOptions loose;
  loose.tolerances.quantized_atol = 3;
  auto tensor = int_tensor<uint8_t>(ir::DType::UInt8, {10});
  EXPECT_TRUE(compare_golden(int_weights({13}), tensor, loose).empty());
  EXPECT_EQ(compare_golden(int_weights({14}), tensor, loose).size(), 1u);
}

TEST(Compare, ScalarBroadcastsOverEveryElement) {
  Golden golden;
  golden.zero_point = GoldenArray::scalar(0);
  EXPECT_TRUE(compare_golden(golden, activation({{}, {}, {0.5f}, {0}, 0})).empty());
  EXPECT_TRUE(compare_golden(golden, activation({{}, {}, {0.5f, 0.5f}, {0, 1}, 0})).empty());
  auto mismatches = compare_golden(golden, activation({{}, {}, {0.5f, 0.5f, 0.5f}, {1, 0, 2}, 0}));
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].index, 2);
  // A one-element list is not a scalar: the counts must agree.
  golden.zero_point = GoldenArray::list({0});
  mismatches = compare_golden(golden, activation({{}, {}, {0.5f, 0.5f}, {0, 0}, 0}));
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].index, -1);
  EXPECT_EQ(mismatches[0].describe(), "zero_point: expected 1 values, got 2");
}

TEST(Compare, CountShapeAndMissingKeyAreFailures) {
  EXPECT_EQ(compare_golden(weights({1, 2, 3}), float_tensor({1, 2})).front().problem,
            "expected 3 values, got 2");
  Golden reshaped;
  reshaped.weights = GoldenArray::float_list({1, 2}, {2, 1});
  EXPECT_EQ(compare_golden(reshaped, float_tensor({1, 2})).front().problem,
            "expected shape [2,1], got [2]");
  Golden golden;
  golden.zero_point = GoldenArray::scalar(0);
  auto mismatches = compare_golden(golden, float_tensor({1}));
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].describe(), "zero_point: the tensor has no zero_point");
}

TEST(Compare, MinMaxSkippedWhenAsked) {
  Golden golden;
  golden.min = GoldenArray::scalar(-100);
  golden.max = GoldenArray::scalar(100);
  CompareOptions quantization_step;
  quantization_step.compare_min_max = false;
  ir::Tensor tensor = activation({{}, {}, {0.5f}, {0}, 0});
  EXPECT_TRUE(compare_golden(golden, tensor, quantization_step).empty());
  EXPECT_EQ(compare_golden(golden, tensor).size(), 2u); // both absent in the tensor
}

TEST(Compare, FloatWeightsInQuantizationStepsPerChannel) {
  ir::Tensor tensor = float_tensor({1.0f, 2.0f, 3.0f, 4.0f});
  tensor.shape = {2, 2};
  tensor.quant = ir::QuantParams{{}, {}, {0.5f, 0.25f}, {0, 0}, 0};
  Golden golden;
  golden.weights = GoldenArray::float_list({1.0, 2.0, 3.0, 4.5}, {2, 2});
  auto mismatches = compare_golden(golden, tensor);
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].index, 3);
  ASSERT_TRUE(mismatches[0].diff_steps);
  EXPECT_DOUBLE_EQ(*mismatches[0].diff_steps, 2.0); // channel 1: 0.5 / 0.25

  // The quantization golden's scales measure the steps, not the tensor's own:
  // 0.004 in channel 0 is 0.04 steps of 0.1, 0.002 in channel 1 0.02 steps of 0.1.
  Golden quantized;
  quantized.scale = GoldenArray::list({0.1, 0.1});
  CompareOptions options;
  options.reference = &quantized;
  golden.weights = GoldenArray::float_list({1.004, 2.0, 3.0, 4.002}, {2, 2});
  mismatches = compare_golden(golden, tensor, options);
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].index, 0);
  EXPECT_NEAR(*mismatches[0].diff_steps, 0.04, 1e-6);
}

namespace {

ir::Tensor int64_bias(std::vector<int64_t> codes, std::vector<float> scale) {
  ir::Tensor tensor = int_tensor<int64_t>(ir::DType::Int64, std::move(codes));
  tensor.quant =
      ir::QuantParams{{}, {}, std::move(scale), std::vector<int64_t>(tensor.shape[0], 0), 0};
  return tensor;
}

Golden bias_golden(std::vector<int64_t> codes, std::vector<double> scale) {
  Golden golden = int_weights(std::move(codes));
  golden.scale = GoldenArray::list(std::move(scale));
  return golden;
}

} // namespace

// An int16 model's bias codes reach 1e7: a scale 8e-7 (relative) away from the
// golden's moves them by ~8 codes, which the scale explains.
TEST(Compare, BiasCodesMayFollowASlightlyDifferentScale) {
  const float scale = 1.0000008e-4f; // golden 1e-4: 8e-7 relative
  const double shift = 1e7 * (double(scale) - 1e-4) / double(scale);
  ASSERT_GT(shift, 7.5);
  ASSERT_LT(shift, 8.5);
  Golden golden = bias_golden({10000000, -10000000, 1000}, {1e-4});
  EXPECT_TRUE(compare_golden(golden, int64_bias({9999992, -9999992, 1000}, {scale})).empty());

  auto mismatches = compare_golden(golden, int64_bias({9999985, -10000000, 1000}, {scale}));
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].index, 0);
  ASSERT_TRUE(mismatches[0].scale_allowance);
  EXPECT_NEAR(*mismatches[0].scale_allowance, shift, 1e-6);
  EXPECT_NE(mismatches[0].describe().find("more allowed for the scale difference"),
            std::string::npos)
      << mismatches[0].describe();
}

TEST(Compare, ScaleAllowanceIsPerChannel) {
  Golden golden = bias_golden({10000000, 10000000}, {1e-4, 2e-4});
  ir::Tensor tensor = int64_bias({9999992, 9999992}, {1e-4f, 2.0000016e-4f});
  tensor.quant->quantized_dimension = 0;
  auto mismatches = compare_golden(golden, tensor);
  ASSERT_EQ(mismatches.size(), 1u) << "channel 0 has the golden's scale, so no extra room";
  EXPECT_EQ(mismatches[0].index, 0);
}

TEST(Compare, NoScaleAllowanceBeyondRelativeToleranceOrInExactMode) {
  // Under ONE's allclose, 1e-4 vs 1.0002e-4 passes the scale's own check only
  // through float_atol; the codes get no room from it.
  Golden golden = bias_golden({10000000}, {1e-4});
  auto mismatches = compare_golden(golden, int64_bias({9998000}, {1.0002e-4f}), kOne);
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].key, "weights");
  EXPECT_FALSE(mismatches[0].scale_allowance);
  // qgold's rule fails the scale itself, and gives the codes no room either.
  mismatches = compare_golden(golden, int64_bias({9998000}, {1.0002e-4f}));
  ASSERT_EQ(mismatches.size(), 2u);
  EXPECT_FALSE(mismatches[0].scale_allowance);
  EXPECT_EQ(mismatches[1].key, "scale");
  EXPECT_NEAR(*mismatches[1].codes_moved, 2000, 1); // the bias's own codes reach 1e7

  CompareOptions exact;
  exact.tolerances.exact = true;
  auto exact_mismatches = compare_golden(golden, int64_bias({9999980}, {1.00002e-4f}), exact);
  ASSERT_EQ(exact_mismatches.size(), 2u); // the codes and the scale
  EXPECT_FALSE(exact_mismatches[0].scale_allowance);
}
