#include "interp/kernels/select.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(SelectTest, SameShapeChoosesElementwise) {
  const bool condition[] = {true, false, false, true};
  const std::vector<float> x = {1, 2, 3, 4}, y = {-1, -2, -3, -4};
  std::vector<float> out(4);
  select({2, 2}, condition, x.data(), y.data(), {2, 2}, out.data());
  EXPECT_EQ(out, (std::vector<float>{1, -2, -3, 4}));
}

TEST(SelectTest, RankOneConditionChoosesWholeRowsOfTheFirstDimension) {
  const bool condition[] = {false, true};
  const std::vector<int32_t> x = {1, 2, 3, 4, 5, 6}, y = {-1, -2, -3, -4, -5, -6};
  std::vector<int32_t> out(6);
  select({2}, condition, x.data(), y.data(), {2, 3}, out.data());
  EXPECT_EQ(out, (std::vector<int32_t>{-1, -2, -3, 4, 5, 6}));
}

TEST(SelectTest, ScalarConditionChoosesTheWholeTensor) {
  const bool condition[] = {false};
  const std::vector<int64_t> x = {1, 2, 3}, y = {7, 8, 9};
  std::vector<int64_t> out(3);
  select({}, condition, x.data(), y.data(), {3}, out.data());
  EXPECT_EQ(out, (std::vector<int64_t>{7, 8, 9}));
}

TEST(SelectTest, ZeroSizeOutputReadsNothing) {
  float out = -1.0f;
  select<float>({0}, nullptr, nullptr, nullptr, {0, 3}, &out);
  EXPECT_EQ(out, -1.0f);
}

TEST(SelectV2Test, BroadcastsConditionAndBothBranches) {
  // condition [2,1], x [1,3], y scalar -> [2,3].
  const bool condition[] = {true, false};
  const std::vector<float> x = {1, 2, 3}, y = {0};
  std::vector<float> out(6);
  select_v2({2, 1}, condition, {1, 3}, x.data(), {}, y.data(), {2, 3}, out.data());
  EXPECT_EQ(out, (std::vector<float>{1, 2, 3, 0, 0, 0}));
}

TEST(SelectV2Test, ConditionAlongTheLastAxis) {
  const bool condition[] = {true, false};
  const std::vector<int32_t> x = {1, 2, 3, 4}, y = {-1, -2, -3, -4};
  std::vector<int32_t> out(4);
  select_v2({2}, condition, {2, 2}, x.data(), {2, 2}, y.data(), {2, 2}, out.data());
  EXPECT_EQ(out, (std::vector<int32_t>{1, -2, 3, -4}));
}

} // namespace
} // namespace qgold::interp::kernels
