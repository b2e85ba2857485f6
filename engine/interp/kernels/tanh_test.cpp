#include "interp/kernels/tanh.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(TanhTest, OddAndSaturating) {
  const std::vector<float> input = {0, 0.5f, -0.5f, 20};
  std::vector<float> out(4);
  tanh({4}, input.data(), out.data());
  EXPECT_EQ(out[0], 0.0f);
  // tanh(0.5) = (e - 1) / (e + 1) = 1.7182818 / 3.7182818 = 0.4621172.
  EXPECT_NEAR(out[1], 0.4621172f, 1e-6f);
  EXPECT_NEAR(out[2], -0.4621172f, 1e-6f);
  EXPECT_EQ(out[3], 1.0f);
}

} // namespace
} // namespace qgold::interp::kernels
