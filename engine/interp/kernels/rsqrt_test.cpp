#include "interp/kernels/rsqrt.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(RsqrtTest, ReciprocalOfTheSquareRoot) {
  const std::vector<float> input = {4.0f, 0.25f, 0.0f, -1.0f, 3.0f};
  std::vector<float> out(5);
  rsqrt({5}, input.data(), out.data());
  EXPECT_EQ(out[0], 0.5f);
  EXPECT_EQ(out[1], 2.0f);
  EXPECT_EQ(out[2], INFINITY);
  EXPECT_TRUE(std::isnan(out[3]));
  // A float division of 1 by the rounded square root (no rsqrt approximation).
  EXPECT_EQ(out[4], 1.0f / std::sqrt(3.0f));
}

} // namespace
} // namespace qgold::interp::kernels
