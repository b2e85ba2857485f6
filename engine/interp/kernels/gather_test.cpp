#include "interp/kernels/gather.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(GatherTest, RowsOfAMatrix) {
  // params [3,2], indices [2] = {2, 0} on axis 0 -> [2,2].
  const std::vector<float> params = {1, 2, 3, 4, 5, 6};
  const std::vector<int32_t> indices = {2, 0};
  std::vector<float> out(4);
  EXPECT_FALSE(
      (gather<float, int32_t>({0, 0}, {3, 2}, params.data(), {2}, indices.data(), out.data())));
  EXPECT_EQ(out, (std::vector<float>{5, 6, 1, 2}));
}

TEST(GatherTest, NegativeAxisWithMatrixIndices) {
  // params [2,3] on axis -1 with indices [2,2] = {{0,2},{1,1}} -> [2,2,2].
  const std::vector<float> params = {10, 11, 12, 20, 21, 22};
  const std::vector<int64_t> indices = {0, 2, 1, 1};
  std::vector<float> out(8);
  EXPECT_FALSE((gather<float, int64_t>({-1, 0}, {2, 3}, params.data(), {2, 2}, indices.data(),
                                      out.data())));
  EXPECT_EQ(out, (std::vector<float>{10, 12, 11, 11, 20, 22, 21, 21}));
}

TEST(GatherTest, BatchDimsPairParamsAndIndicesRows) {
  // params [2,3], indices [2,2], batch_dims 1, axis 1: row b takes its own indices.
  const std::vector<int32_t> params = {10, 11, 12, 20, 21, 22};
  const std::vector<int32_t> indices = {2, 0, 1, 1};
  std::vector<int32_t> out(4);
  EXPECT_FALSE((gather<int32_t, int32_t>({1, 1}, {2, 3}, params.data(), {2, 2}, indices.data(),
                                        out.data())));
  EXPECT_EQ(out, (std::vector<int32_t>{12, 10, 21, 21}));
}

TEST(GatherTest, NegativeBatchDimsWithAnOuterDim) {
  // params [2,2,3] (batch, outer, axis), indices [2,1], batch_dims -1 (= 1), axis 2 -> [2,2,1].
  const std::vector<float> params = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
  const std::vector<int32_t> indices = {1, 2};
  std::vector<float> out(4);
  EXPECT_FALSE((gather<float, int32_t>({2, -1}, {2, 2, 3}, params.data(), {2, 1}, indices.data(),
                                      out.data())));
  EXPECT_EQ(out, (std::vector<float>{1, 4, 8, 11}));
}

TEST(GatherTest, ScalarIndexDropsTheAxis) {
  const bool params[] = {true, false, false, true}; // [2,2]
  const std::vector<int32_t> index = {1};
  bool out[2] = {};
  EXPECT_FALSE((gather<bool, int32_t>({0, 0}, {2, 2}, params, {}, index.data(), out)));
  EXPECT_FALSE(out[0]);
  EXPECT_TRUE(out[1]);
}

TEST(GatherTest, IndexOutOfRangeIsReported) {
  const std::vector<float> params = {1, 2, 3};
  std::vector<float> out(2);
  const std::vector<int32_t> too_big = {0, 3};
  const auto bad =
      gather<float, int32_t>({0, 0}, {3}, params.data(), {2}, too_big.data(), out.data());
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->position, 1);
  EXPECT_EQ(bad->value, 3);
  const std::vector<int64_t> negative = {-1, 0};
  const auto neg =
      gather<float, int64_t>({0, 0}, {3}, params.data(), {2}, negative.data(), out.data());
  ASSERT_TRUE(neg);
  EXPECT_EQ(neg->position, 0);
  EXPECT_EQ(neg->value, -1);
}

TEST(GatherTest, EmptyIndicesWriteNothing) {
  const std::vector<float> params = {1, 2};
  std::vector<float> out(1, -1.0f);
  EXPECT_FALSE((gather<float, int32_t>({0, 0}, {2}, params.data(), {0}, nullptr, out.data())));
  EXPECT_EQ(out[0], -1.0f);
}

} // namespace
} // namespace qgold::interp::kernels
