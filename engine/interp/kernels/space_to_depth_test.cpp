#include "interp/kernels/space_to_depth.h"

#include "interp/kernels/depth_to_space.h"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(SpaceToDepthTest, TwoByTwoBlockBecomesChannels) {
  // [1,2,2,1] block 2 -> [1,1,1,4].
  const std::vector<float> input = {1, 2, 3, 4};
  std::vector<float> out(4);
  space_to_depth<float>(2, {1, 2, 2, 1}, input.data(), {1, 1, 1, 4}, out.data());
  EXPECT_EQ(out, (std::vector<float>{1, 2, 3, 4}));
}

TEST(SpaceToDepthTest, FourByFourWithTwoChannels) {
  // [1,2,4,2] block 2 -> [1,1,2,8]; value = 100*h + 10*w + c.
  std::vector<float> input;
  for (int h = 0; h < 2; ++h)
    for (int w = 0; w < 4; ++w)
      for (int c = 0; c < 2; ++c)
        input.push_back(static_cast<float>(100 * h + 10 * w + c));
  std::vector<float> out(16);
  space_to_depth<float>(2, {1, 2, 4, 2}, input.data(), {1, 1, 2, 8}, out.data());
  EXPECT_EQ(out, (std::vector<float>{0, 1, 10, 11, 100, 101, 110, 111, //
                                     20, 21, 30, 31, 120, 121, 130, 131}));
}

TEST(SpaceToDepthTest, InvertsDepthToSpace) {
  std::vector<int32_t> input(2 * 6 * 6 * 4);
  std::iota(input.begin(), input.end(), 0);
  std::vector<int32_t> deep(input.size()), back(input.size());
  space_to_depth<int32_t>(3, {2, 6, 6, 4}, input.data(), {2, 2, 2, 36}, deep.data());
  depth_to_space<int32_t>(3, {2, 2, 2, 36}, deep.data(), {2, 6, 6, 4}, back.data());
  EXPECT_EQ(back, input);
  EXPECT_NE(deep, input);
}

} // namespace
} // namespace qgold::interp::kernels
