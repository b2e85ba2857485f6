#include "interp/kernels/abs.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(AbsTest, DropsTheSignIncludingNegativeZero) {
  const std::vector<float> input = {-2.5f, 0.0f, -0.0f, 3.0f, -INFINITY};
  std::vector<float> out(5, -1.0f);
  abs({5}, input.data(), out.data());
  EXPECT_EQ(out, (std::vector<float>{2.5f, 0.0f, 0.0f, 3.0f, INFINITY}));
  EXPECT_FALSE(std::signbit(out[2]));
}

TEST(AbsTest, ZeroSizeTensorWritesNothing) {
  float out = -1.0f;
  abs({2, 0, 3}, nullptr, &out);
  EXPECT_EQ(out, -1.0f);
}

} // namespace
} // namespace qgold::interp::kernels
