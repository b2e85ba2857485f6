#include "interp/kernels/quantized/through_float.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedThroughFloat, DequantizesComputesAndQuantizes) {
  // Codes 12, 14 at (0.5, 10) are 1 and 2; doubled plus 0.25: 2.25 and 4.25, at
  // (0.5, 100): 104.5 -> 105 (half away from zero) and 108.5 -> 109.
  const ThroughFloat params{{0.5f, 10}, {0.5f, 100}, {0, 255}, 2, 2};
  std::vector<uint8_t> out(2);
  const std::vector<uint8_t> in{12, 14};
  through_float<uint8_t>(params, in.data(), [](const float *x, float *y) {
    for (int i = 0; i < 2; ++i)
      y[i] = 2 * x[i] + 0.25f;
  }, out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{105, 109}));
}

TEST(QuantizedThroughFloat, ClampsToTheRangeAndChangesTheCount) {
  // int16: the sum of 30000 and 20000 (scale 1) is 50000 -> 32767; int8 likewise.
  const ThroughFloat params{{1.0f, 0}, {1.0f, 0}, {-32767, 32767}, 2, 1};
  std::vector<int16_t> out(1);
  const std::vector<int16_t> in{30000, 20000};
  const auto add = [](const float *x, float *y) { y[0] = x[0] + x[1]; };
  through_float<int16_t>(params, in.data(), add, out.data());
  EXPECT_EQ(out[0], 32767);
  const ThroughFloat narrow{{1.0f, -5}, {1.0f, 0}, {-128, 127}, 2, 1};
  std::vector<int8_t> low(1);
  const std::vector<int8_t> codes{-128, -100};
  through_float<int8_t>(narrow, codes.data(), add, low.data());
  EXPECT_EQ(low[0], -128); // -123 + -95
}

} // namespace
} // namespace qgold::interp::kernels::quantized
