#include "interp/kernels/quantized/leaky_relu.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedLeakyRelu, IdentityAboveTheZeroPointAlphaBelow) {
  // in 0.5 (q - 100), out 0.25 (q - 50), alpha 0.25: M_id = 2, M_alpha = 0.5.
  // 110 -> 50 + 20 = 70; 100 -> 50; 95 -> 50 + (-2.5 -> -2: the doubling high multiply
  // rounds ties up) = 48; 97 -> 50 + (-1.5 -> -1) = 49; 0 -> 50 - 50 = 0;
  // 255 -> 50 + 310 -> 255 (clamped).
  const LeakyReluQuant q = leaky_relu_quant({0.5f, 100}, {0.25f, 50}, 0.25f, {0, 255});
  const std::vector<uint8_t> x = {110, 100, 95, 97, 0, 255};
  std::vector<uint8_t> out(x.size());
  leaky_relu(q, static_cast<int64_t>(x.size()), x.data(), out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{70, 50, 48, 49, 0, 255}));
}

TEST(QuantizedLeakyRelu, Int8AndInt16) {
  // in 1.0 (q + 10), out 1.0 (q - 0), alpha 0.1: -20 -> -1; -16 -> -0.6 -> -1; 5 -> 15.
  const LeakyReluQuant q8 = leaky_relu_quant({1.0f, -10}, {1.0f, 0}, 0.1f, {-128, 127});
  const std::vector<int8_t> x8 = {-20, -16, 5};
  std::vector<int8_t> out8(3);
  leaky_relu(q8, 3, x8.data(), out8.data());
  EXPECT_EQ(out8, (std::vector<int8_t>{-1, -1, 15}));
  // int16 symmetric, same scales, alpha 0.5: -32767 -> -16383.5 -> -16383 (ties up).
  const LeakyReluQuant q16 = leaky_relu_quant({0.001f, 0}, {0.001f, 0}, 0.5f, {-32768, 32767});
  const std::vector<int16_t> x16 = {-32767, 32767, -3};
  std::vector<int16_t> out16(3);
  leaky_relu(q16, 3, x16.data(), out16.data());
  EXPECT_EQ(out16, (std::vector<int16_t>{-16383, 32767, -1}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
