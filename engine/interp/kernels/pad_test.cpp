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
  pad({1, 2, 2, 1}, input.data(), paddings, 0.0f, {1, 3, 5, 1}, out.data());
  EXPECT_EQ(out, (std::vector<float>{0, 0, 0, 0, 0, //
                                     0, 1, 2, 0, 0, //
                                     0, 3, 4, 0, 0}));
}

TEST(PadTest, LastAxisGainsZerosOnBothSides) {
  // [2,1] -> [2,3]: each row becomes 0, x, 0.
  const std::vector<float> input = {5, 6};
  const std::vector<int32_t> paddings = {0, 0, 1, 1};
  std::vector<float> out(6, -1.0f);
  pad({2, 1}, input.data(), paddings, 0.0f, {2, 3}, out.data());
  EXPECT_EQ(out, (std::vector<float>{0, 5, 0, 0, 6, 0}));
}

TEST(PadTest, FirstAxisBeforeAndAfter) {
  const std::vector<float> input = {7, 8};
  const std::vector<int32_t> paddings = {1, 2};
  std::vector<float> out(5, -1.0f);
  pad({2}, input.data(), paddings, 0.0f, {5}, out.data());
  EXPECT_EQ(out, (std::vector<float>{0, 7, 8, 0, 0}));
}

TEST(PadTest, PadValueFillsTheBorder) {
  // PadV2's constant, here the lowest float (a MaxPool's padding).
  const std::vector<float> input = {1, 2};
  const std::vector<int32_t> paddings = {1, 1};
  std::vector<float> out(4, 0.0f);
  pad({2}, input.data(), paddings, -3.4028235e38f, {4}, out.data());
  EXPECT_EQ(out, (std::vector<float>{-3.4028235e38f, 1, 2, -3.4028235e38f}));
}

TEST(PadTest, IntegerAndBoolElements) {
  const std::vector<int32_t> input = {4, 5};
  const std::vector<int32_t> paddings = {0, 0, 0, 2};
  std::vector<int32_t> out(6, 0);
  pad<int32_t>({2, 1}, input.data(), paddings, -9, {2, 3}, out.data());
  EXPECT_EQ(out, (std::vector<int32_t>{4, -9, -9, 5, -9, -9}));

  const std::vector<int64_t> wide = {INT64_MAX};
  std::vector<int64_t> wide_out(3, 0);
  pad<int64_t>({1}, wide.data(), std::vector<int32_t>{2, 0}, 0, {3}, wide_out.data());
  EXPECT_EQ(wide_out, (std::vector<int64_t>{0, 0, INT64_MAX}));

  const bool flag[] = {true};
  bool flags_out[3] = {true, true, true};
  pad<bool>({1}, flag, std::vector<int32_t>{1, 1}, false, {3}, flags_out);
  EXPECT_EQ(std::vector<bool>(flags_out, flags_out + 3), (std::vector<bool>{false, true, false}));
}

TEST(PadTest, ZeroSizedInputBecomesAllPadding) {
  std::vector<float> out(3, -1.0f);
  pad<float>({0}, nullptr, std::vector<int32_t>{1, 2}, 0.5f, {3}, out.data());
  EXPECT_EQ(out, (std::vector<float>{0.5f, 0.5f, 0.5f}));
}

} // namespace
} // namespace qgold::interp::kernels
