#include "interp/kernels/prelu.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(PReluTest, PerChannelAlphaScalesNegativesOnly) {
  const std::vector<float> input = {-4, -4, -4, 1, 2, 3, -2, 0, 8, -1, -1, -1};
  const std::vector<float> alpha = {0.5f, 0.25f, 2};
  std::vector<float> out(12);
  prelu({1, 2, 2, 3}, input.data(), {3}, alpha.data(), {1, 2, 2, 3}, out.data());
  EXPECT_EQ(out, (std::vector<float>{-2, -1, -8, 1, 2, 3, -1, 0, 8, -0.5f, -0.25f, -2}));
}

TEST(PReluTest, AlphaOfRankThree) {
  // alpha [1,1,2] against input [1,1,2,2].
  const std::vector<float> input = {-2, -2, 4, -4};
  const std::vector<float> alpha = {0.5f, 3};
  std::vector<float> out(4);
  prelu({1, 1, 2, 2}, input.data(), {1, 1, 2}, alpha.data(), {1, 1, 2, 2}, out.data());
  EXPECT_EQ(out, (std::vector<float>{-1, -6, 4, -12}));
}

} // namespace
} // namespace qgold::interp::kernels
