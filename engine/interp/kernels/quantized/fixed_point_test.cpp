#include "interp/kernels/quantized/fixed_point.h"

#include <gtest/gtest.h>

#include <limits>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(FixedPoint, QuantizeMultiplierSplitsMantissaAndExponent) {
  // 0.75 = 0.75 * 2^0: mantissa 0.75 * 2^31; 3 = 0.75 * 2^2; 0.5 = 0.5 * 2^0.
  EXPECT_EQ(quantize_multiplier(0.75), (Multiplier{1610612736, 0}));
  EXPECT_EQ(quantize_multiplier(3.0), (Multiplier{1610612736, 2}));
  EXPECT_EQ(quantize_multiplier(0.5), (Multiplier{1 << 30, 0}));
  EXPECT_EQ(quantize_multiplier(1.0), (Multiplier{1 << 30, 1}));
  EXPECT_EQ(quantize_multiplier(0.0), (Multiplier{0, 0}));
}

TEST(FixedPoint, QuantizeMultiplierRoundsTheMantissa) {
  // 0.3 = 0.6 * 2^-1; 0.6 * 2^31 = 1288490188.8 -> 1288490189.
  EXPECT_EQ(quantize_multiplier(0.3), (Multiplier{1288490189, -1}));
  // A mantissa that rounds up to 2^31 is halved and the exponent raised.
  EXPECT_EQ(quantize_multiplier(1.0 - 1e-12), (Multiplier{1 << 30, 1}));
  // Below 2^-31 every bit would be shifted out: zero.
  EXPECT_EQ(quantize_multiplier(1e-12), (Multiplier{0, 0}));
}

TEST(FixedPoint, DoublingHighMulRoundsHalfUpAndSaturates) {
  const int32_t half = 1 << 30; // 0.5 in Q0.31
  EXPECT_EQ(saturating_rounding_doubling_high_mul(6, half), 3);
  EXPECT_EQ(saturating_rounding_doubling_high_mul(1, half), 1);   // 0.5 -> 1
  EXPECT_EQ(saturating_rounding_doubling_high_mul(-1, half), 0);  // -0.5 -> 0
  EXPECT_EQ(saturating_rounding_doubling_high_mul(-3, half), -1); // -1.5 -> -1
  const int32_t min = std::numeric_limits<int32_t>::min();
  EXPECT_EQ(saturating_rounding_doubling_high_mul(min, min), std::numeric_limits<int32_t>::max());
}

TEST(FixedPoint, RoundingDivideByPowerOfTwoRoundsTiesAwayFromZero) {
  EXPECT_EQ(rounding_divide_by_pot(5, 1), 3);   // 2.5
  EXPECT_EQ(rounding_divide_by_pot(-5, 1), -3); // -2.5
  EXPECT_EQ(rounding_divide_by_pot(7, 2), 2);   // 1.75
  EXPECT_EQ(rounding_divide_by_pot(-7, 2), -2); // -1.75
  EXPECT_EQ(rounding_divide_by_pot(5, 2), 1);   // 1.25
  EXPECT_EQ(rounding_divide_by_pot(9, 0), 9);
}

TEST(FixedPoint, MultiplyRoundsTwice) {
  EXPECT_EQ(multiply(int32_t{100}, quantize_multiplier(0.3)), 30);
  EXPECT_EQ(multiply(int32_t{7}, quantize_multiplier(3.0)), 21); // left shift first
  // 1 * 0.25: the high multiply rounds 0.5 up to 1, the shift rounds 0.5 away
  // to 1 again, where one rounding would give 0.
  EXPECT_EQ(multiply(int32_t{1}, quantize_multiplier(0.25)), 1);
  EXPECT_EQ(multiply(int32_t{-3}, quantize_multiplier(0.5)), -1); // -1.5 -> -1
}

TEST(FixedPoint, MultiplyInt64UsesAFifteenBitMantissa) {
  // 0.3: mantissa 1288490189 reduced to (m + 2^15) >> 16 = 19661, shift 15 + 1.
  EXPECT_EQ(multiply(int64_t{1000}, quantize_multiplier(0.3)), 300);
  // 1.9e9 * 2^-16 = 28991.7 -> 28992; beyond int32 sums stay exact.
  EXPECT_EQ(multiply(int64_t{1900000000}, quantize_multiplier(1.0 / 65536)), 28992);
  EXPECT_EQ(multiply(int64_t{1} << 40, quantize_multiplier(1.0 / (1 << 20))), 1 << 20);
  EXPECT_EQ(multiply(int64_t{-5}, quantize_multiplier(0.5)), -2); // -2.5 rounds up
}

} // namespace
} // namespace qgold::interp::kernels::quantized
