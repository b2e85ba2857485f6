#include "interp/kernels/quantized/prelu.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedPRelu, PositivePartRescaledNegativePartTimesAlpha) {
  // x = 0.5 (q - 128), alpha = 0.25 * 2 = 0.5, out = 0.5 (q - 128): 2 -> 2, -2 -> -1.
  const PreluQuant q = prelu_quant({0.5f, 128}, {{0.25f, 0}}, {0.5f, 128}, {0, 255});
  const std::vector<uint8_t> x = {132, 124}, alpha = {2};
  std::vector<uint8_t> out(2);
  prelu(q, {2}, x.data(), {1}, alpha.data(), {2}, out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{132, 126}));
}

TEST(QuantizedPRelu, PerChannelAlphaOnTheLastAxis) {
  // alpha channel 0 = 0.5 * 1, channel 1 = 0.25 * -2: x = -4 gives -2 and 2.
  const PreluQuant q =
      prelu_quant({1.0f, 0}, {{0.5f, 0}, {0.25f, 0}}, {1.0f, 0}, {-32768, 32767});
  const std::vector<int16_t> x = {-4, -4, 6, 6}, alpha = {1, -2};
  std::vector<int16_t> out(4);
  prelu(q, {2, 2}, x.data(), {2}, alpha.data(), {2, 2}, out.data());
  EXPECT_EQ(out, (std::vector<int16_t>{-2, 2, 6, 6}));
}

TEST(QuantizedPRelu, PerChannelZeroPointsOfOnesExactScheme) {
  // ONE's uint8 per-channel alpha: a negative alpha a is code 0, scale -a, zero point 1.
  const PreluQuant q = prelu_quant({1.0f, 10}, {{0.5f, 1}, {0.25f, 0}}, {1.0f, 10}, {0, 255});
  const std::vector<uint8_t> x = {6, 6}, alpha = {0, 4}; // alphas -0.5 and 1.0
  std::vector<uint8_t> out(2);
  prelu(q, {1, 2}, x.data(), {1, 2}, alpha.data(), {1, 2}, out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{12, 6})); // -4 * -0.5 = 2; -4 * 1 = -4
}

} // namespace
} // namespace qgold::interp::kernels::quantized
