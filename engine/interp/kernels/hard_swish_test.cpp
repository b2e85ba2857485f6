#include "interp/kernels/hard_swish.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(HardSwishTest, ZeroBelowMinusThreeIdentityAboveThree) {
  const std::vector<float> input = {-4.0f, -3.0f, 3.0f, 5.0f, 1.0f};
  std::vector<float> out(5);
  hard_swish({5}, input.data(), out.data());
  EXPECT_EQ(out[0], 0.0f);
  EXPECT_EQ(out[1], 0.0f);
  EXPECT_EQ(out[2], 3.0f);
  EXPECT_EQ(out[3], 5.0f);
  EXPECT_EQ(out[4], 4.0f / 6.0f); // 1 * (1 + 3) / 6
}

TEST(HardSwishTest, MultipliesBeforeDividing) {
  // x = -2.5: x * relu6(0.5) = -1.25 exactly, then / 6. Dividing first,
  // -2.5 * (0.5 / 6), rounds differently (-0.208333343).
  const float input = -2.5f;
  float out = 0.0f;
  hard_swish({1}, &input, &out);
  EXPECT_EQ(out, -1.25f / 6.0f);
  EXPECT_NE(out, -2.5f * (0.5f / 6.0f));
}

} // namespace
} // namespace qgold::interp::kernels
