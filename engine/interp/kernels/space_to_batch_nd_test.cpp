#include "interp/kernels/space_to_batch_nd.h"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(SpaceToBatchNdTest, TwoByTwoBlocksOfA4x4Image) {
  // [1,4,4,1] = 1..16, block [2,2] -> [4,2,2,1]; batch k holds block offset (k / 2, k % 2).
  std::vector<float> input(16);
  std::iota(input.begin(), input.end(), 1.0f);
  std::vector<float> out(16);
  space_to_batch_nd<float>({1, 4, 4, 1}, input.data(), std::vector<int32_t>{2, 2},
                           std::vector<int32_t>{0, 0, 0, 0}, {4, 2, 2, 1}, out.data());
  EXPECT_EQ(out, (std::vector<float>{1, 3, 9, 11, 2, 4, 10, 12, 5, 7, 13, 15, 6, 8, 14, 16}));
}

TEST(SpaceToBatchNdTest, PaddingIsZero) {
  // [1,2,3,1] = 1..6 padded one column on the left -> [1,2,4,1], block [2,2] -> [4,1,2,1].
  const std::vector<float> input = {1, 2, 3, 4, 5, 6};
  std::vector<float> out(8, -1.0f);
  space_to_batch_nd<float>({1, 2, 3, 1}, input.data(), std::vector<int32_t>{2, 2},
                           std::vector<int32_t>{0, 0, 1, 0}, {4, 1, 2, 1}, out.data());
  EXPECT_EQ(out, (std::vector<float>{0, 2, 1, 3, 0, 5, 4, 6}));
}

TEST(SpaceToBatchNdTest, ThreeDimensionalInputAndBatches) {
  // [2,4,1] with block [2] -> [4,2,1]: output batch s * 2 + n.
  const std::vector<int32_t> input = {1, 2, 3, 4, 5, 6, 7, 8};
  std::vector<int32_t> out(8);
  space_to_batch_nd<int32_t>({2, 4, 1}, input.data(), std::vector<int32_t>{2},
                             std::vector<int32_t>{0, 0}, {4, 2, 1}, out.data());
  EXPECT_EQ(out, (std::vector<int32_t>{1, 3, 5, 7, 2, 4, 6, 8}));
}

TEST(SpaceToBatchNdTest, ChannelsMoveTogether) {
  // [1,2,2,2]: value = 10 * (2h + w) + c, block [2,2] -> [4,1,1,2].
  const std::vector<float> input = {0, 1, 10, 11, 20, 21, 30, 31};
  std::vector<float> out(8);
  space_to_batch_nd<float>({1, 2, 2, 2}, input.data(), std::vector<int32_t>{2, 2},
                           std::vector<int32_t>{0, 0, 0, 0}, {4, 1, 1, 2}, out.data());
  EXPECT_EQ(out, input);
}

} // namespace
} // namespace qgold::interp::kernels
