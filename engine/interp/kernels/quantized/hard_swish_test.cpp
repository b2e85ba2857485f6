#include "interp/kernels/quantized/hard_swish.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

// s_in = 1/16, s_out = 1/32: output multiplier 2^-6 (16384, exponent -5), reluish 16/3
// (21845, exponent 3). x = 1: hires 2048, on the output scale 1024, reluish 2048 << 2 ->
// 5461 -> << 1 = 10922 (1/3 of 32768) -> (10922 + 32768) >> 1 = 21845, product 682,
// 682 / 32 -> 21 (0.667 / (1/32) = 21.3). x = 3: reluish saturates at 32767, 3071 / 32 ->
// 96. x = -3: 0. x = -1: reluish 10923, product -341 (truncated), -341 / 32 -> -11.
TEST(QuantizedHardSwish, Int8FixedPoint) {
  HardSwishQuant q;
  ASSERT_TRUE(hard_swish_quant({1.0f / 16.0f, 0}, {1.0f / 32.0f, -5}, &q));
  EXPECT_EQ(q.output_multiplier, 16384);
  EXPECT_EQ(q.output_exponent, -5);
  EXPECT_EQ(q.reluish_multiplier, 21845);
  EXPECT_EQ(q.reluish_exponent, 3);
  const std::vector<int8_t> x = {16, 48, -48, -16, 127};
  std::vector<int8_t> out(x.size());
  hard_swish(q, static_cast<int64_t>(x.size()), x.data(), out.data());
  // 127 = 7.94: 7.94 / (1/32) = 254 -> clamped to 127.
  EXPECT_EQ(out, (std::vector<int8_t>{16, 91, -5, -16, 127}));
}

TEST(QuantizedHardSwish, UInt8ZeroPoints) {
  HardSwishQuant q;
  ASSERT_TRUE(hard_swish_quant({1.0f / 16.0f, 100}, {1.0f / 32.0f, 10}, &q));
  const std::vector<uint8_t> x = {116, 52, 0};
  std::vector<uint8_t> out(3);
  hard_swish(q, 3, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{31, 10, 10}));
}

TEST(QuantizedHardSwish, RefusesAnOutputMultiplierAboveOne) {
  HardSwishQuant q;
  EXPECT_FALSE(hard_swish_quant({1.0f, 0}, {1.0f / 1024.0f, 0}, &q));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
