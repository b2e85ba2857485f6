#include "interp/kernels/softmax.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(SoftmaxTest, BetaOneEqualLogitsAreUniform) {
  const std::vector<float> input = {2, 2, 2, 2, -1, -1};
  std::vector<float> out(6);
  softmax({1.0f}, {3, 2}, input.data(), out.data());
  for (float v : out)
    EXPECT_FLOAT_EQ(v, 0.5f);
}

TEST(SoftmaxTest, BetaScalesLogits) {
  // beta 0.5 on [1,2,3]: exp(-1), exp(-0.5), 1 = 0.3678794, 0.6065307, 1;
  // sum 1.9744101.
  const std::vector<float> input = {1, 2, 3};
  std::vector<float> out(3);
  softmax({0.5f}, {1, 3}, input.data(), out.data());
  EXPECT_NEAR(out[0], 0.1863237f, 1e-6f);
  EXPECT_NEAR(out[1], 0.3071959f, 1e-6f);
  EXPECT_NEAR(out[2], 0.5064804f, 1e-6f);
}

TEST(SoftmaxTest, SubtractsTheMaximumSoLargeLogitsDoNotOverflow) {
  // exp(1000) overflows float; shifted by the max it is exp(0) and exp(-ln 3).
  const std::vector<float> input = {1000, 1000 - 1.0986123f};
  std::vector<float> out(2);
  softmax({1.0f}, {2}, input.data(), out.data());
  // e^-ln3 = 1/3: outputs 1/(4/3) = 0.75 and (1/3)/(4/3) = 0.25.
  EXPECT_NEAR(out[0], 0.75f, 1e-4f);
  EXPECT_NEAR(out[1], 0.25f, 1e-4f);
}

} // namespace
} // namespace qgold::interp::kernels
