#include "interp/kernels/quantized/conv2d.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

WeightedQuant quant(int32_t input_zero, std::vector<int32_t> filter_zeros,
                    std::vector<double> multipliers, int32_t output_zero, IntRange range) {
  WeightedQuant q;
  q.input_zero_point = input_zero;
  q.filter_zero_points = std::move(filter_zeros);
  for (double m : multipliers)
    q.multipliers.push_back(quantize_multiplier(m));
  q.output_zero_point = output_zero;
  q.output_range = range;
  return q;
}

TEST(QuantizedConv2D, Uint8SubtractsZeroPointsAddsBiasAndRescales) {
  // x - 128 = [1, 2, 3, 4], w - 100 = [1, -1, 2, 0]: 1 - 2 + 6 = 5; + bias 3 = 8;
  // * 0.5 = 4; + 10 = 14.
  const std::vector<uint8_t> input = {129, 130, 131, 132};
  const std::vector<uint8_t> filter = {101, 99, 102, 100};
  const std::vector<int32_t> bias = {3};
  uint8_t output = 0;
  conv2d<uint8_t, int32_t>({}, quant(128, {100}, {0.5}, 10, {0, 255}), {1, 2, 2, 1}, input.data(),
                           {1, 2, 2, 1}, filter.data(), bias.data(), {1, 1, 1, 1}, &output);
  EXPECT_EQ(output, 14);
}

TEST(QuantizedConv2D, PerChannelZeroPointsAndMultipliers) {
  // One pixel, x - 10 = [2, 4]. o0: w - 5 = [1, 1] -> 6, * 0.5 = 3; o1: w - 1 =
  // [3, -1] -> 2, bias -1 -> 1, * 2 = 2. Output zero point 100.
  const std::vector<uint8_t> input = {12, 14};
  const std::vector<uint8_t> filter = {6, 6, 4, 0};
  const std::vector<int32_t> bias = {0, -1};
  std::vector<uint8_t> output(2);
  conv2d<uint8_t, int32_t>({}, quant(10, {5, 1}, {0.5, 2.0}, 100, {0, 255}), {1, 1, 1, 2},
                           input.data(), {2, 1, 1, 2}, filter.data(), bias.data(), {1, 1, 1, 2},
                           output.data());
  EXPECT_EQ(output, (std::vector<uint8_t>{103, 102}));
}

TEST(QuantizedConv2D, ClampsToTheActivationRange) {
  // Sums 5 and -5 with zero point 3; RELU-like range [3, 255] clamps the second.
  const std::vector<uint8_t> input = {5, 0};
  const std::vector<uint8_t> filter = {1};
  std::vector<uint8_t> output(2);
  conv2d<uint8_t, int32_t>({}, quant(0, {0}, {1.0}, 3, {3, 255}), {2, 1, 1, 1}, input.data(),
                           {1, 1, 1, 1}, filter.data(), nullptr, {2, 1, 1, 1}, output.data());
  EXPECT_EQ(output, (std::vector<uint8_t>{8, 3}));
}

TEST(QuantizedConv2D, Int8SkipsPaddedTaps) {
  // SAME 3x3 ones on a 2x2 input: every window sees all four codes, (x + 5)
  // = [1, 2, 3, 4] -> 10, * 1 - 20 = -10 (the padding adds nothing, as the
  // input zero point would).
  Conv2DParams params;
  params.padding = ir::Padding::Same;
  const std::vector<int8_t> input = {-4, -3, -2, -1};
  const std::vector<int8_t> filter(9, 1);
  std::vector<int8_t> output(4);
  conv2d<int8_t, int32_t>(params, quant(-5, {0}, {1.0}, -20, {-128, 127}), {1, 2, 2, 1},
                          input.data(), {1, 3, 3, 1}, filter.data(), nullptr, {1, 2, 2, 1},
                          output.data());
  EXPECT_EQ(output, (std::vector<int8_t>{-10, -10, -10, -10}));
}

TEST(QuantizedConv2D, Int16AccumulatesInInt64) {
  // 30000 * 30000 + 1e9 = 1.9e9 overflows no int32 step; * 2^-16 = 28991.7 -> 28992.
  const std::vector<int16_t> input = {30000};
  const std::vector<int16_t> filter = {30000};
  const std::vector<int64_t> bias = {1000000000};
  int16_t output = 0;
  conv2d<int16_t, int64_t>({}, quant(0, {0}, {1.0 / 65536}, 0, {-32767, 32767}), {1, 1, 1, 1},
                           input.data(), {1, 1, 1, 1}, filter.data(), bias.data(), {1, 1, 1, 1},
                           &output);
  EXPECT_EQ(output, 28992);
}

} // namespace
} // namespace qgold::interp::kernels::quantized
