#include "interp/kernels/pow.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(PowTest, PerChannelExponents) {
  const std::vector<float> x = {2, 4, -2, 9}, y = {3, 0.5f};
  std::vector<float> out(4);
  pow({2, 2}, x.data(), {2}, y.data(), {2, 2}, out.data());
  EXPECT_EQ(out[0], 8.0f);
  EXPECT_EQ(out[1], 2.0f);
  EXPECT_EQ(out[2], -8.0f); // integer exponent: the sign survives
  EXPECT_EQ(out[3], 3.0f);
}

TEST(PowTest, NegativeBaseWithFractionalExponentIsNan) {
  const std::vector<float> x = {-8, 0}, y = {1.0f / 3, 0};
  std::vector<float> out(2);
  pow({2}, x.data(), {2}, y.data(), {2}, out.data());
  EXPECT_TRUE(std::isnan(out[0]));
  EXPECT_EQ(out[1], 1.0f); // 0^0
}

} // namespace
} // namespace qgold::interp::kernels
