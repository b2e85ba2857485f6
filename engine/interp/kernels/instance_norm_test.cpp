#include "interp/kernels/instance_norm.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(InstanceNormTest, NormalizesEachChannelOverSpace) {
  // [1,2,2,2]: channel 0 = 1,2,3,4 (mean 2.5, var 1.25), channel 1 = 5,5,7,7 (mean 6, var 1).
  const std::vector<float> input = {1, 5, 2, 5, 3, 7, 4, 7};
  const std::vector<float> gamma = {2, 1};
  const std::vector<float> beta = {1, 7};
  std::vector<float> out(8);
  instance_norm({0.0f}, {1, 2, 2, 2}, input.data(), 2, gamma.data(), 2, beta.data(), out.data());
  // Channel 0: 2 * (x - 2.5) / sqrt(1.25) + 1, with 1/sqrt(1.25) = 0.8944272:
  // x=1 -> -1.6832816, x=2 -> 0.1055728, x=3 -> 1.8944272, x=4 -> 3.6832816.
  EXPECT_NEAR(out[0], -1.6832816f, 1e-6f);
  EXPECT_NEAR(out[2], 0.1055728f, 1e-6f);
  EXPECT_NEAR(out[4], 1.8944272f, 1e-6f);
  EXPECT_NEAR(out[6], 3.6832816f, 1e-6f);
  // Channel 1: (x - 6) / 1 + 7.
  EXPECT_FLOAT_EQ(out[1], 6.0f);
  EXPECT_FLOAT_EQ(out[3], 6.0f);
  EXPECT_FLOAT_EQ(out[5], 8.0f);
  EXPECT_FLOAT_EQ(out[7], 8.0f);
}

TEST(InstanceNormTest, ConstantChannelGivesBetaWithEpsilon) {
  const std::vector<float> input = {5, 5, 5, 5};
  const std::vector<float> gamma = {3};
  const std::vector<float> beta = {7};
  std::vector<float> out(4);
  instance_norm({1e-5f}, {1, 2, 2, 1}, input.data(), 1, gamma.data(), 1, beta.data(), out.data());
  for (float v : out)
    EXPECT_FLOAT_EQ(v, 7.0f);
}

TEST(InstanceNormTest, BatchesAreSeparateAndSingleGammaIsShared) {
  // Two batches of a 1x2 image with 2 channels; every (batch, channel) pair
  // holds two values a, b -> outputs -1 and +1 (times gamma 2, plus beta 0).
  const std::vector<float> input = {0, 10, 2, 30, 100, -4, 200, -2};
  const std::vector<float> gamma = {2};
  const std::vector<float> beta = {0, 0};
  std::vector<float> out(8);
  instance_norm({0.0f}, {2, 1, 2, 2}, input.data(), 1, gamma.data(), 2, beta.data(), out.data());
  EXPECT_EQ(out, (std::vector<float>{-2, -2, 2, 2, -2, -2, 2, 2}));
}

TEST(InstanceNormTest, FusedRelu) {
  const std::vector<float> input = {1, 3};
  const std::vector<float> gamma = {1};
  const std::vector<float> beta = {0};
  std::vector<float> out(2);
  instance_norm({0.0f, ir::Activation::Relu}, {1, 1, 2, 1}, input.data(), 1, gamma.data(), 1,
                beta.data(), out.data());
  EXPECT_EQ(out, (std::vector<float>{0, 1}));
}

} // namespace
} // namespace qgold::interp::kernels
