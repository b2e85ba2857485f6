#include "interp/kernels/depth_to_space.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(DepthToSpaceTest, OnePixelOfFourChannels) {
  // [1,1,1,4] block 2 -> [1,2,2,1]: channels fill the 2x2 block row by row.
  const std::vector<float> input = {1, 2, 3, 4};
  std::vector<float> out(4);
  depth_to_space<float>(2, {1, 1, 1, 4}, input.data(), {1, 2, 2, 1}, out.data());
  EXPECT_EQ(out, (std::vector<float>{1, 2, 3, 4}));
}

TEST(DepthToSpaceTest, TwoPixelsTwoOutputChannels) {
  // [1,1,2,8] block 2 -> [1,2,4,2]. Input pixel w holds 8 channels
  // c = ((dy * 2) + dx) * 2 + d; value = 100 * w + c.
  std::vector<float> input;
  for (int w = 0; w < 2; ++w)
    for (int c = 0; c < 8; ++c)
      input.push_back(static_cast<float>(100 * w + c));
  std::vector<float> out(16);
  depth_to_space<float>(2, {1, 1, 2, 8}, input.data(), {1, 2, 4, 2}, out.data());
  EXPECT_EQ(out, (std::vector<float>{0, 1, 2, 3, 100, 101, 102, 103, //
                                     4, 5, 6, 7, 104, 105, 106, 107}));
}

TEST(DepthToSpaceTest, Int64Batches) {
  // [2,1,1,4] block 2: each batch independently.
  const std::vector<int64_t> input = {1, 2, 3, 4, 5, 6, 7, 8};
  std::vector<int64_t> out(8);
  depth_to_space<int64_t>(2, {2, 1, 1, 4}, input.data(), {2, 2, 2, 1}, out.data());
  EXPECT_EQ(out, input);
}

} // namespace
} // namespace qgold::interp::kernels
