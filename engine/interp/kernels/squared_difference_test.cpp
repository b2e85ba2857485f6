#include "interp/kernels/squared_difference.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(SquaredDifferenceTest, BroadcastsAndSquaresTheDifference) {
  const std::vector<float> x = {5, 1, 0, -2}, y = {2, 4};
  std::vector<float> out(4);
  squared_difference({2, 2}, x.data(), {2}, y.data(), {2, 2}, out.data());
  EXPECT_EQ(out, (std::vector<float>{9, 9, 4, 36}));
}

TEST(SquaredDifferenceTest, SubtractsBeforeSquaring) {
  // Float spacing at 1e8 is 8: the difference is exact, x^2 - 2xy + y^2 would not be.
  const float x = 1e8f, y = 1e8f + 8.0f;
  float out = 0.0f;
  squared_difference({}, &x, {}, &y, {}, &out);
  EXPECT_EQ(out, 64.0f);
}

} // namespace
} // namespace qgold::interp::kernels
