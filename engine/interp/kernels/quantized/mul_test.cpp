#include "interp/kernels/quantized/mul.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedMul, ProductOfOffsetCodesRescaled) {
  // (130 - 128) * 8 = 16, * 0.5 * 0.25 / 0.5 = 4, + 10; (126 - 128) * 3 = -6, * 0.25 =
  // -1.5: the rounding shift takes it away from zero, to -2.
  const MulQuant q = mul_quant({0.5f, 128}, {0.25f, 0}, {0.5f, 10}, ir::DType::UInt8, {0, 255});
  const std::vector<uint8_t> x = {130, 126}, y = {8, 3};
  std::vector<uint8_t> out(2);
  mul(q, {2}, x.data(), {2}, y.data(), {2}, out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{14, 8}));
}

TEST(QuantizedMul, Int16ClampsToTheSymmetricRange) {
  const MulQuant q = mul_quant({1.0f, 0}, {1.0f, 0}, {1.0f, 0}, ir::DType::Int16, {-32767, 32767});
  const std::vector<int16_t> x = {300, -300}, y = {-3, 200};
  std::vector<int16_t> out(2);
  mul(q, {2}, x.data(), {2}, y.data(), {2}, out.data());
  EXPECT_EQ(out, (std::vector<int16_t>{-900, -32767}));
}

TEST(QuantizedMul, EightBitRatioIsComputedInFloat) {
  // s1 * s2 / s_out in float, then widened: equal to the float expression, not the double one.
  const MulQuant q = mul_quant({0.1f, 0}, {0.3f, 0}, {0.7f, 0}, ir::DType::Int8, {-128, 127});
  EXPECT_EQ(q.output, quantize_multiplier(static_cast<double>(0.1f * 0.3f / 0.7f)));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
