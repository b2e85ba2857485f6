#include "interp/kernels/one_hot.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(OneHotTest, LastAxisRows) {
  // indices [3] = {0, 2, 1}, depth 3 -> [3,3].
  const std::vector<int32_t> indices = {0, 2, 1};
  std::vector<float> out(9);
  one_hot<float, int32_t>({3, -1}, {3}, indices.data(), 1.0f, 0.0f, out.data());
  EXPECT_EQ(out, (std::vector<float>{1, 0, 0, 0, 0, 1, 0, 1, 0}));
}

TEST(OneHotTest, AxisZeroGivesColumns) {
  // Same indices, axis 0 -> [3(depth),3]: row j marks where index == j.
  const std::vector<int64_t> indices = {0, 2, 1};
  std::vector<float> out(9);
  one_hot<float, int64_t>({3, 0}, {3}, indices.data(), 5.0f, -1.0f, out.data());
  EXPECT_EQ(out, (std::vector<float>{5, -1, -1, -1, -1, 5, -1, 5, -1}));
}

TEST(OneHotTest, MiddleAxisOfMatrixIndicesAndOutOfRange) {
  // indices [2,2] = {{1, -1}, {3, 0}}, depth 2, axis 1 -> [2,2,2]; -1 and 3 are all off.
  const std::vector<int32_t> indices = {1, -1, 3, 0};
  std::vector<int32_t> out(8);
  one_hot<int32_t, int32_t>({2, 1}, {2, 2}, indices.data(), 7, 0, out.data());
  // out[i][j][k] = indices[i][k] == j.
  EXPECT_EQ(out, (std::vector<int32_t>{0, 0, 7, 0, 0, 7, 0, 0}));
}

TEST(OneHotTest, BoolAndInt64Values) {
  const std::vector<int32_t> indices = {1};
  bool flags[2] = {true, true};
  one_hot<bool, int32_t>({2, -1}, {1}, indices.data(), true, false, flags);
  EXPECT_FALSE(flags[0]);
  EXPECT_TRUE(flags[1]);
  std::vector<int64_t> wide(3);
  one_hot<int64_t, int32_t>({3, -1}, {}, std::vector<int32_t>{2}.data(), INT64_MAX, INT64_MIN,
                            wide.data());
  EXPECT_EQ(wide, (std::vector<int64_t>{INT64_MIN, INT64_MIN, INT64_MAX}));
}

TEST(OneHotTest, Int64IndicesCompareAsInt32LikeTflite) {
  // 2^32 + 1 converts to 1 in TFLite's comparison.
  const std::vector<int64_t> indices = {(int64_t{1} << 32) + 1};
  std::vector<float> out(2);
  one_hot<float, int64_t>({2, -1}, {1}, indices.data(), 1.0f, 0.0f, out.data());
  EXPECT_EQ(out, (std::vector<float>{0, 1}));
}

TEST(OneHotTest, DepthZeroWritesNothing) {
  const std::vector<int32_t> indices = {0, 1};
  float untouched = -1.0f;
  one_hot<float, int32_t>({0, -1}, {2}, indices.data(), 1.0f, 0.0f, &untouched);
  EXPECT_EQ(untouched, -1.0f);
}

} // namespace
} // namespace qgold::interp::kernels
