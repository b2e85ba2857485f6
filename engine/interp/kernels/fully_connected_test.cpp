#include "interp/kernels/fully_connected.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(FullyConnectedTest, TwoBatchesWithBias) {
  const std::vector<float> input = {1, 2, 3, 4, 5, 6};
  const std::vector<float> weights = {1, 0, -1, 0.5f, 0.5f, 0.5f};
  const std::vector<float> bias = {1, 2};
  std::vector<float> out(4);
  fully_connected({}, {2, 3}, input.data(), {2, 3}, weights.data(), bias.data(), out.data());
  // b0: 1-3+1, 0.5+1+1.5+2; b1: 4-6+1, 2+2.5+3+2.
  EXPECT_EQ(out, (std::vector<float>{-1, 5, -1, 9.5f}));
}

TEST(FullyConnectedTest, HigherRankInputIsFlattenedToRowsOfDepth) {
  // [1,2,2] with depth 2 -> two rows [1,2], [3,4]; weights [[1,1]], no bias.
  const std::vector<float> input = {1, 2, 3, 4};
  const std::vector<float> weights = {1, 1};
  std::vector<float> out(2);
  fully_connected({}, {1, 2, 2}, input.data(), {1, 2}, weights.data(), nullptr, out.data());
  EXPECT_EQ(out, (std::vector<float>{3, 7}));
}

TEST(FullyConnectedTest, FusedRelu) {
  const std::vector<float> input = {1, -2};
  const std::vector<float> weights = {1, 1, -1, -1};
  std::vector<float> out(2);
  fully_connected({ir::Activation::Relu}, {1, 2}, input.data(), {2, 2}, weights.data(), nullptr,
                  out.data());
  // Pre-activation -1 and 1.
  EXPECT_EQ(out, (std::vector<float>{0, 1}));
}

} // namespace
} // namespace qgold::interp::kernels
