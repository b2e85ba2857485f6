#include "interp/kernels/sin.h"

#include <gtest/gtest.h>

#include <numbers>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(SinTest, KnownAngles) {
  const float pi = std::numbers::pi_v<float>;
  const std::vector<float> input = {0.0f, pi / 2, -pi / 6, pi};
  std::vector<float> out(4);
  sin({4}, input.data(), out.data());
  EXPECT_EQ(out[0], 0.0f);
  EXPECT_NEAR(out[1], 1.0f, 1e-6f);
  EXPECT_NEAR(out[2], -0.5f, 1e-6f);
  EXPECT_NEAR(out[3], 0.0f, 1e-6f);
}

} // namespace
} // namespace qgold::interp::kernels
