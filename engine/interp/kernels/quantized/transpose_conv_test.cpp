#include "interp/kernels/quantized/transpose_conv.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedTransposeConv, ScattersEveryInputIntoItsWindow) {
  // VALID, stride 2, 2x2 ones (filter code 3, zero point 2): each input value
  // x - 4 = [1, 2] fills its own 2x2 block of a 2x4 output; bias 1; * 1; + 0.
  TransposeConvParams params;
  params.stride_h = params.stride_w = 2;
  WeightedQuant q;
  q.input_zero_point = 4;
  q.filter_zero_points = {2};
  q.multipliers = {quantize_multiplier(1.0)};
  q.output_range = {-128, 127};
  const std::vector<int8_t> input = {5, 6};
  const std::vector<int8_t> filter = {3, 3, 3, 3};
  const std::vector<int32_t> bias = {1};
  std::vector<int8_t> output(8);
  transpose_conv<int8_t, int32_t>(params, q, {1, 1, 2, 1}, input.data(), {1, 2, 2, 1},
                                  filter.data(), bias.data(), {1, 2, 4, 1}, output.data());
  EXPECT_EQ(output, (std::vector<int8_t>{2, 2, 3, 3, 2, 2, 3, 3}));
}

TEST(QuantizedTransposeConv, OverlappingWindowsSumBeforeRescaling) {
  // Stride 1, 1x2 filter [1, 1] on inputs [1, 1]: outputs 1, 2, 1, each * 0.5
  // rounded after the sum: 0.5 -> 1, 1, 0.5 -> 1 (per tap it would round twice).
  TransposeConvParams params;
  WeightedQuant q;
  q.filter_zero_points = {0};
  q.multipliers = {quantize_multiplier(0.5)};
  q.output_range = {0, 255};
  const std::vector<uint8_t> input = {1, 1};
  const std::vector<uint8_t> filter = {1, 1};
  std::vector<uint8_t> output(3);
  transpose_conv<uint8_t, int32_t>(params, q, {1, 1, 2, 1}, input.data(), {1, 1, 2, 1},
                                   filter.data(), nullptr, {1, 1, 3, 1}, output.data());
  EXPECT_EQ(output, (std::vector<uint8_t>{1, 1, 1}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
