#include "interp/kernels/quantized/div.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedDiv, ReciprocalIsOneOverTheNormalizedDivisor) {
  for (int32_t b : {1, 2, 3, 5, 7, 100, 255, 256, 4097, 65535}) {
    int bits = -1;
    const int32_t inverse = reciprocal(b, &bits);
    EXPECT_EQ(bits, static_cast<int>(std::floor(std::log2(b)))) << b;
    // 1 / (b / 2^bits) in Q0.31, to a few units in the last place (relative 4e-9).
    const double exact = std::ldexp(1.0, 31 + bits) / b;
    EXPECT_NEAR(inverse, std::min(exact, 2147483647.0), 8.0) << b;
  }
}

TEST(QuantizedDiv, OffsetCodesDividedAndRescaled) {
  // x: 0.5 * (code - 10), y: 0.25 * (code - 100), out: 0.1 * (code - 128).
  const DivQuant q = div_quant({0.5f, 10}, {0.25f, 100}, {0.1f, 128}, {0, 255});
  EXPECT_EQ(div_code(q, 30, 120), 148); // 10 / 5 = 2
  EXPECT_EQ(div_code(q, 30, 80), 108);  // 10 / -5 = -2: both signs flipped
  EXPECT_EQ(div_code(q, 4, 112), 118);  // -3 / 3 = -1
  EXPECT_EQ(div_code(q, 10, 117), 128); // 0 / 4.25 = 0
}

TEST(QuantizedDiv, RoundsToTheNearestCode) {
  const DivQuant q = div_quant({1.0f, 0}, {1.0f, 0}, {1.0f, 0}, {-128, 127});
  EXPECT_EQ(div_code(q, 7, 3), 2);      // 2.33
  EXPECT_EQ(div_code(q, 8, 3), 3);      // 2.67
  EXPECT_EQ(div_code(q, -8, 3), -3);    // -2.67
  EXPECT_EQ(div_code(q, 100, -7), -14); // -14.29
}

TEST(QuantizedDiv, ClampsToTheActivationRange) {
  // A RELU-like range [128, 188] for the output of the first case.
  const DivQuant q = div_quant({0.5f, 10}, {0.25f, 100}, {0.1f, 128}, {128, 188});
  EXPECT_EQ(div_code(q, 30, 80), 128);   // -2 clamped to 0
  EXPECT_EQ(div_code(q, 250, 101), 188); // 120 / 0.25 clamped to 6
}

TEST(QuantizedDiv, AZeroDivisorGivesTheEndOfTheRangeOnTheDividendsSide) {
  const DivQuant q = div_quant({0.5f, 10}, {0.25f, 100}, {0.1f, 128}, {3, 250});
  EXPECT_EQ(div_code(q, 11, 100), 250);
  EXPECT_EQ(div_code(q, 9, 100), 3);
  EXPECT_EQ(div_code(q, 10, 100), 128);
}

TEST(QuantizedDiv, AQuotientFarBelowOneStepIsTheZeroPoint) {
  // 1 / 255 / 64: the reference's shift would pass 31 bits.
  const DivQuant q = div_quant({1.0f, 0}, {1.0f, 0}, {64.0f, 5}, {0, 255});
  EXPECT_EQ(div_code(q, 1, 255), 5);
}

TEST(QuantizedDiv, Int16AndBroadcasting) {
  const DivQuant q = div_quant({1.0f, 0}, {1.0f, 0}, {0.5f, 0}, {-32767, 32767});
  // Columns divided by 7 and by -1: 30000 / 7 = 4285.71 -> 8571.43 codes; 32767 / -1 -> clamped.
  const std::vector<int16_t> x = {30000, 20000, -14, 32767}, y = {7, -1};
  std::vector<int16_t> out(4);
  div(q, {2, 2}, x.data(), {2}, y.data(), {2, 2}, out.data());
  EXPECT_EQ(out, (std::vector<int16_t>{8571, -32767, -4, -32767}));
}

TEST(QuantizedDiv, TheMultiplierIsComputedInFloat) {
  const DivQuant q = div_quant({0.1f, 0}, {0.3f, 0}, {0.7f, 0}, {-128, 127});
  EXPECT_EQ(q.output, quantize_multiplier(static_cast<double>(0.1f / (0.3f * 0.7f))));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
