#include "interp/kernels/log.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(LogTest, KnownValuesZeroAndNegative) {
  const std::vector<float> input = {1.0f, std::numbers::e_v<float>, 0.0f, -1.0f, 0.125f};
  std::vector<float> out(5);
  log({5}, input.data(), out.data());
  EXPECT_EQ(out[0], 0.0f);
  EXPECT_NEAR(out[1], 1.0f, 1e-6f);
  EXPECT_EQ(out[2], -INFINITY);
  EXPECT_TRUE(std::isnan(out[3]));
  EXPECT_NEAR(out[4], -2.0794415f, 1e-6f); // -3 ln 2
}

} // namespace
} // namespace qgold::interp::kernels
