#include "interp/kernels/mirror_pad.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

using ir::MirrorPadMode;

TEST(MirrorPadTest, ReflectSkipsTheEdge) {
  const std::vector<float> input = {1, 2, 3};
  std::vector<float> out(7);
  mirror_pad<float>(MirrorPadMode::Reflect, {3}, input.data(), std::vector<int32_t>{2, 2}, {7},
                    out.data());
  EXPECT_EQ(out, (std::vector<float>{3, 2, 1, 2, 3, 2, 1}));
}

TEST(MirrorPadTest, SymmetricRepeatsTheEdge) {
  const std::vector<float> input = {1, 2, 3};
  std::vector<float> out(9);
  mirror_pad<float>(MirrorPadMode::Symmetric, {3}, input.data(), std::vector<int32_t>{3, 3}, {9},
                    out.data());
  EXPECT_EQ(out, (std::vector<float>{3, 2, 1, 1, 2, 3, 3, 2, 1}));
}

TEST(MirrorPadTest, UnevenPaddingsIn2D) {
  // [2,3]: REFLECT 1 row above, none below; 0 columns left, 2 right -> [3,5].
  const std::vector<int32_t> input = {1, 2, 3, 4, 5, 6};
  std::vector<int32_t> out(15);
  mirror_pad<int32_t>(MirrorPadMode::Reflect, {2, 3}, input.data(),
                      std::vector<int32_t>{1, 0, 0, 2}, {3, 5}, out.data());
  EXPECT_EQ(out, (std::vector<int32_t>{4, 5, 6, 5, 4, //
                                       1, 2, 3, 2, 1, //
                                       4, 5, 6, 5, 4}));
  // SYMMETRIC with the same paddings.
  mirror_pad<int32_t>(MirrorPadMode::Symmetric, {2, 3}, input.data(),
                      std::vector<int32_t>{1, 0, 0, 2}, {3, 5}, out.data());
  EXPECT_EQ(out, (std::vector<int32_t>{1, 2, 3, 3, 2, //
                                       1, 2, 3, 3, 2, //
                                       4, 5, 6, 6, 5}));
}

TEST(MirrorPadTest, NhwcSpatialBorderAndNoPadding) {
  // [1,2,2,1] REFLECT by 1 on H and W -> [1,4,4,1].
  const std::vector<float> input = {1, 2, 3, 4};
  std::vector<float> out(16);
  mirror_pad<float>(MirrorPadMode::Reflect, {1, 2, 2, 1}, input.data(),
                    std::vector<int32_t>{0, 0, 1, 1, 1, 1, 0, 0}, {1, 4, 4, 1}, out.data());
  EXPECT_EQ(out, (std::vector<float>{4, 3, 4, 3, //
                                     2, 1, 2, 1, //
                                     4, 3, 4, 3, //
                                     2, 1, 2, 1}));
  std::vector<int64_t> same(2);
  const std::vector<int64_t> wide = {INT64_MIN, INT64_MAX};
  mirror_pad<int64_t>(MirrorPadMode::Symmetric, {2}, wide.data(), std::vector<int32_t>{0, 0}, {2},
                      same.data());
  EXPECT_EQ(same, wide);
}

} // namespace
} // namespace qgold::interp::kernels
