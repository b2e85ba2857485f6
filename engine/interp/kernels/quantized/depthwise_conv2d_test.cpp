#include "interp/kernels/quantized/depthwise_conv2d.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedDepthwiseConv2D, EachOutputChannelReadsItsInputChannel) {
  // 2x1 input, 2 channels, multiplier 1, 2x1 filter. x - 1: c0 = [1, 3], c1 =
  // [2, 4]; w - 2 per channel: c0 = [1, 1] -> 4, c1 = [1, -1] -> -2; bias [0, 10]
  // -> [4, 8]; * 0.5 -> [2, 4]; + 50.
  WeightedQuant q;
  q.input_zero_point = 1;
  q.filter_zero_points = {2};
  q.multipliers = {quantize_multiplier(0.5)};
  q.output_zero_point = 50;
  q.output_range = {0, 255};
  const std::vector<uint8_t> input = {2, 3, 4, 5};
  const std::vector<uint8_t> filter = {3, 3, 3, 1};
  const std::vector<int32_t> bias = {0, 10};
  std::vector<uint8_t> output(2);
  depthwise_conv2d<uint8_t, int32_t>({}, q, {1, 2, 1, 2}, input.data(), {1, 2, 1, 2},
                                     filter.data(), bias.data(), {1, 1, 1, 2}, output.data());
  EXPECT_EQ(output, (std::vector<uint8_t>{52, 54}));
}

TEST(QuantizedDepthwiseConv2D, DepthMultiplierAndPerChannelInt16) {
  // One input channel x = 100, multiplier 2: o0 = 100 * 3 * 1.0, o1 = 100 * -5 * 0.25 = -125.
  WeightedQuant q;
  q.filter_zero_points = {0, 0};
  q.multipliers = {quantize_multiplier(1.0), quantize_multiplier(0.25)};
  q.output_range = {-32767, 32767};
  const std::vector<int16_t> input = {100};
  const std::vector<int16_t> filter = {3, -5};
  std::vector<int16_t> output(2);
  depthwise_conv2d<int16_t, int64_t>({}, q, {1, 1, 1, 1}, input.data(), {1, 1, 1, 2},
                                     filter.data(), nullptr, {1, 1, 1, 2}, output.data());
  EXPECT_EQ(output, (std::vector<int16_t>{300, -125}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
