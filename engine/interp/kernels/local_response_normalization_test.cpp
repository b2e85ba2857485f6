#include "interp/kernels/local_response_normalization.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace qgold::interp::kernels {
namespace {

std::vector<float> run(const LocalResponseNormalizationParams &params, const ir::Shape &shape,
                       const std::vector<float> &input) {
  std::vector<float> out(input.size(), -999.0f);
  local_response_normalization(params, shape, input.data(), out.data());
  return out;
}

TEST(LocalResponseNormalizationTest, WindowIncludesBothEnds) {
  // radius 1 on [1,2,3]: squares 1,4,9; windows {1,4}, {1,4,9}, {4,9} -> 5, 14, 13.
  // bias 1, beta 1: 1/6, 2/15, 3/14. (TFLite's reference_ops would leave out
  // c + radius: windows {1}, {1,4}, {4,9}.)
  const auto out = run({1, 1.0f, 1.0f, 1.0f}, {1, 1, 1, 3}, {1, 2, 3});
  EXPECT_FLOAT_EQ(out[0], 1.0f / 6.0f);
  EXPECT_FLOAT_EQ(out[1], 2.0f / 15.0f);
  EXPECT_FLOAT_EQ(out[2], 3.0f / 14.0f);
}

TEST(LocalResponseNormalizationTest, AlphaBiasAndBetaHalf) {
  // radius 0: each channel alone, d = 2 + 0.5 * x^2:
  // x = 2 -> d = 4 -> 2 / sqrt(4) = 1; x = -4 -> d = 10 -> -4 / sqrt(10).
  const auto out = run({0, 2.0f, 0.5f, 0.5f}, {1, 1, 1, 2}, {2, -4});
  EXPECT_FLOAT_EQ(out[0], 1.0f);
  EXPECT_FLOAT_EQ(out[1], -4.0f / std::sqrt(10.0f));
}

TEST(LocalResponseNormalizationTest, GeneralBetaUsesPow) {
  // radius 5 covers all 2 channels: d = 1 + 1 + 4 = 6; beta 0.75.
  const auto out = run({5, 1.0f, 1.0f, 0.75f}, {1, 1, 1, 2}, {1, 2});
  EXPECT_FLOAT_EQ(out[0], 1.0f * std::pow(6.0f, -0.75f));
  EXPECT_FLOAT_EQ(out[1], 2.0f * std::pow(6.0f, -0.75f));
}

TEST(LocalResponseNormalizationTest, RowsAreIndependent) {
  // [2,2] radius 1: row {3,4} -> d = 26 for both; row {0,1} -> d = 2.
  const auto out = run({1, 1.0f, 1.0f, 1.0f}, {2, 2}, {3, 4, 0, 1});
  EXPECT_FLOAT_EQ(out[0], 3.0f / 26.0f);
  EXPECT_FLOAT_EQ(out[1], 4.0f / 26.0f);
  EXPECT_EQ(out[2], 0.0f);
  EXPECT_FLOAT_EQ(out[3], 0.5f);
}

TEST(LocalResponseNormalizationTest, WindowSumSlidesAsTFLitesDoes) {
  // Squares 1e8, 1, 1 with radius 1: TFLite's running sum adds 1 to 1e8 (lost
  // to rounding) and then subtracts 1e8, so channel 2 sees a window of 0, not
  // 1 + 1 = 2: out = 1 / (1 + 0) rather than 1/3.
  const auto out = run({1, 1.0f, 1.0f, 1.0f}, {3}, {1e4f, 1, 1});
  EXPECT_EQ(out[2], 1.0f);
}

} // namespace
} // namespace qgold::interp::kernels
