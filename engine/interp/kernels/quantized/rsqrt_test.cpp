#include "interp/kernels/quantized/rsqrt.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedRsqrt, InverseSquareRootOfTheCodeDistance) {
  // s_in 1, s_out 1/64, int8 zero points 0 / -100: 1/sqrt(d) * 64 - 100:
  // d = 4 -> 32 - 100 = -68; 1 -> -36; 16 -> -84; 2 -> 45.25 -> -55; 0 -> 127 (the maximum).
  const RsqrtQuant q = rsqrt_quant({1.0f, 0}, {1.0f / 64.0f, -100}, {-128, 127});
  const std::vector<int8_t> x = {4, 1, 16, 2, 0};
  std::vector<int8_t> out(x.size());
  ASSERT_TRUE(rsqrt(q, static_cast<int64_t>(x.size()), x.data(), out.data()));
  EXPECT_EQ(out, (std::vector<int8_t>{-68, -36, -84, -55, 127}));
}

TEST(QuantizedRsqrt, UInt8AndLargeDistances) {
  // s_in 1/4 (zero point 10), s_out 1/128: 1/sqrt(d/4) * 128 = 256 / sqrt(d):
  // d = 245 -> 16.36 -> 16; d = 64 -> 32; d = 1 -> 256 -> 255 (clamped).
  const RsqrtQuant q = rsqrt_quant({0.25f, 10}, {1.0f / 128.0f, 0}, {0, 255});
  const std::vector<uint8_t> x = {255, 74, 11};
  std::vector<uint8_t> out(3);
  ASSERT_TRUE(rsqrt(q, 3, x.data(), out.data()));
  EXPECT_EQ(out, (std::vector<uint8_t>{16, 32, 255}));
}

TEST(QuantizedRsqrt, AnInputBelowZeroIsRefused) {
  const RsqrtQuant q = rsqrt_quant({1.0f, 5}, {1.0f, 0}, {-128, 127});
  const std::vector<int8_t> x = {6, 4};
  std::vector<int8_t> out(2, 0);
  EXPECT_FALSE(rsqrt(q, 2, x.data(), out.data()));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
