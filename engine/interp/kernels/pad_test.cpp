#include "interp/kernels/pad.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(PadTest, SpatialBorderOfNhwc) {
  // [1,2,2,1] padded by one row above, one column left and two columns right.
  const std::vector<float> input = {1, 2, 3, 4};
  const std::vector<int32_t> paddings = {0, 0, 1, 0, 1, 2, 0, 0};
  std::vector<float> out(3 * 5, -1.0f);
  pad({1, 2, 2, 1}, input.data(), paddings, {1, 3, 5, 1}, out.data());
  EXPECT_EQ(out, (std::vector<float>{0, 0, 0, 0, 0, //
                                     0, 1, 2, 0, 0, //
                                     0, 3, 4, 0, 0}));
}

TEST(PadTest, LastAxisGainsZerosOnBothSides) {
  // [2,1] -> [2,3]: each row becomes 0, x, 0.
  const std::vector<float> input = {5, 6};
  const std::vector<int32_t> paddings = {0, 0, 1, 1};
  std::vector<float> out(6, -1.0f);
  pad({2, 1}, input.data(), paddings, {2, 3}, out.data());
  EXPECT_EQ(out, (std::vector<float>{0, 5, 0, 0, 6, 0}));
}

TEST(PadTest, FirstAxisBeforeAndAfter) {
  const std::vector<float> input = {7, 8};
  const std::vector<int32_t> paddings = {1, 2};
  std::vector<float> out(5, -1.0f);
  pad({2}, input.data(), paddings, {5}, out.data());
  EXPECT_EQ(out, (std::vector<float>{0, 7, 8, 0, 0}));
}

} // namespace
} // namespace qgold::interp::kernels
