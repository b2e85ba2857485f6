#include "interp/kernels/batch_to_space_nd.h"

#include "interp/kernels/space_to_batch_nd.h"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(BatchToSpaceNdTest, FourBatchesIntoA4x4Image) {
  // [4,2,2,1] = 1..16, block [2,2] -> [1,4,4,1].
  std::vector<float> input(16);
  std::iota(input.begin(), input.end(), 1.0f);
  std::vector<float> out(16);
  batch_to_space_nd<float>({4, 2, 2, 1}, input.data(), std::vector<int32_t>{2, 2},
                           std::vector<int32_t>{0, 0, 0, 0}, {1, 4, 4, 1}, out.data());
  EXPECT_EQ(out, (std::vector<float>{1, 5, 2, 6, 9, 13, 10, 14, 3, 7, 4, 8, 11, 15, 12, 16}));
}

TEST(BatchToSpaceNdTest, CropsDropTheBorder) {
  // [4,1,2,1] block [2,2] assembles [1,2,4,1]; crops one column on the left -> [1,2,3,1].
  const std::vector<float> input = {0, 2, 1, 3, 0, 5, 4, 6};
  std::vector<float> out(6);
  batch_to_space_nd<float>({4, 1, 2, 1}, input.data(), std::vector<int32_t>{2, 2},
                           std::vector<int32_t>{0, 0, 1, 0}, {1, 2, 3, 1}, out.data());
  EXPECT_EQ(out, (std::vector<float>{1, 2, 3, 4, 5, 6}));
}

TEST(BatchToSpaceNdTest, ThreeDimensionalInput) {
  const std::vector<int64_t> input = {1, 3, 5, 7, 2, 4, 6, 8}; // [4,2,1], block [2]
  std::vector<int64_t> out(8);
  batch_to_space_nd<int64_t>({4, 2, 1}, input.data(), std::vector<int32_t>{2},
                             std::vector<int32_t>{0, 0}, {2, 4, 1}, out.data());
  EXPECT_EQ(out, (std::vector<int64_t>{1, 2, 3, 4, 5, 6, 7, 8}));
}

TEST(BatchToSpaceNdTest, InvertsSpaceToBatchWithPaddingAsCrops) {
  // [2,5,3,3] padded [[1,2],[0,1]] -> [2,8,4,3], block [2,4] -> [16,4,1,3] and back.
  std::vector<int32_t> input(2 * 5 * 3 * 3);
  std::iota(input.begin(), input.end(), 0);
  const std::vector<int32_t> block = {2, 4}, pads = {1, 2, 0, 1};
  std::vector<int32_t> batched(16 * 4 * 1 * 3), back(input.size());
  space_to_batch_nd<int32_t>({2, 5, 3, 3}, input.data(), block, pads, {16, 4, 1, 3},
                             batched.data());
  batch_to_space_nd<int32_t>({16, 4, 1, 3}, batched.data(), block, pads, {2, 5, 3, 3}, back.data());
  EXPECT_EQ(back, input);
}

} // namespace
} // namespace qgold::interp::kernels
