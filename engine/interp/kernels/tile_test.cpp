#include "interp/kernels/tile.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(TileTest, VectorRepeats) {
  const std::vector<float> input = {1, 2, 3};
  std::vector<float> out(6);
  tile<float>({3}, input.data(), {6}, out.data());
  EXPECT_EQ(out, (std::vector<float>{1, 2, 3, 1, 2, 3}));
}

TEST(TileTest, MatrixRepeatsBothDims) {
  // [2,2] with multiples [2,3] -> [4,6].
  const std::vector<int32_t> input = {1, 2, 3, 4};
  std::vector<int32_t> out(24);
  tile<int32_t>({2, 2}, input.data(), {4, 6}, out.data());
  EXPECT_EQ(out, (std::vector<int32_t>{1, 2, 1, 2, 1, 2, //
                                       3, 4, 3, 4, 3, 4, //
                                       1, 2, 1, 2, 1, 2, //
                                       3, 4, 3, 4, 3, 4}));
}

TEST(TileTest, NhwcBatchAndChannelMultiples) {
  // [1,1,2,1] with multiples [2,1,1,2] -> [2,1,2,2].
  const std::vector<float> input = {5, 6};
  std::vector<float> out(8);
  tile<float>({1, 1, 2, 1}, input.data(), {2, 1, 2, 2}, out.data());
  EXPECT_EQ(out, (std::vector<float>{5, 5, 6, 6, 5, 5, 6, 6}));
}

TEST(TileTest, ZeroMultipleAndBool) {
  std::vector<int64_t> none(1, -1);
  const std::vector<int64_t> input = {1, 2};
  tile<int64_t>({2}, input.data(), {0}, none.data());
  EXPECT_EQ(none[0], -1);
  const bool flags[] = {true, false};
  bool out[4] = {};
  tile<bool>({2, 1}, flags, {2, 2}, out);
  EXPECT_EQ(std::vector<bool>(out, out + 4), (std::vector<bool>{true, true, false, false}));
}

} // namespace
} // namespace qgold::interp::kernels
