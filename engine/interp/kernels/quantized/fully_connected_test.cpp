#include "interp/kernels/quantized/fully_connected.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedFullyConnected, RowsTimesWeightsPerUnit) {
  // Two batches x - 1 = [1, 2], [3, 0]; units w - 0 = [1, 1], [2, -1]; bias [0, 4];
  // sums [3, 4], [3, 10]; * 0.5 -> [2, 2], [2, 5] (1.5 -> 2); + 7.
  WeightedQuant q;
  q.input_zero_point = 1;
  q.filter_zero_points = {0};
  q.multipliers = {quantize_multiplier(0.5)};
  q.output_zero_point = 7;
  q.output_range = {-128, 127};
  const std::vector<int8_t> input = {2, 3, 4, 1};
  const std::vector<int8_t> weights = {1, 1, 2, -1};
  const std::vector<int32_t> bias = {0, 4};
  std::vector<int8_t> output(4);
  fully_connected<int8_t, int32_t>(q, {2, 2}, input.data(), {2, 2}, weights.data(), bias.data(),
                                   output.data());
  EXPECT_EQ(output, (std::vector<int8_t>{9, 9, 9, 12}));
}

TEST(QuantizedFullyConnected, PerUnitZeroPointsAndInt64Bias) {
  // x = [1000, -1000]; u0: w - 10 = [1, 1] -> 0, bias 2^33 (beyond int32) -> * 2^-20 = 8192;
  // u1: w - 0 = [5, 2] -> 3000, * 1/4 = 750.
  WeightedQuant q;
  q.filter_zero_points = {10, 0};
  q.multipliers = {quantize_multiplier(1.0 / (1 << 20)), quantize_multiplier(0.25)};
  q.output_range = {-32767, 32767};
  const std::vector<int16_t> input = {1000, -1000};
  const std::vector<int16_t> weights = {11, 11, 5, 2};
  const std::vector<int64_t> bias = {int64_t{1} << 33, 0};
  std::vector<int16_t> output(2);
  fully_connected<int16_t, int64_t>(q, {1, 2}, input.data(), {2, 2}, weights.data(), bias.data(),
                                    output.data());
  EXPECT_EQ(output, (std::vector<int16_t>{8192, 750}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
