#include "interp/kernels/cos.h"

#include <gtest/gtest.h>

#include <numbers>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(CosTest, KnownAngles) {
  const float pi = std::numbers::pi_v<float>;
  const std::vector<float> input = {0.0f, pi / 3, pi, -pi / 2};
  std::vector<float> out(4);
  cos({2, 2}, input.data(), out.data());
  EXPECT_EQ(out[0], 1.0f);
  EXPECT_NEAR(out[1], 0.5f, 1e-6f);
  EXPECT_NEAR(out[2], -1.0f, 1e-6f);
  EXPECT_NEAR(out[3], 0.0f, 1e-6f);
}

} // namespace
} // namespace qgold::interp::kernels
