#include "interp/kernels/mean.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

std::vector<float> run(const ir::Shape &shape, const std::vector<float> &input,
                       const std::vector<int32_t> &axes, size_t out_count) {
  std::vector<float> out(out_count, -999.0f);
  mean(shape, input.data(), axes, out.data());
  return out;
}

TEST(MeanTest, SpatialAxesOfNhwcAveragePerChannel) {
  // x = 0..11 as [1,2,2,3]: channel c holds c, 3+c, 6+c, 9+c -> 4.5 + c.
  // The same values come out whether the op keeps dims ([1,1,1,3]) or not ([1,3]).
  std::vector<float> x(12);
  for (int i = 0; i < 12; ++i)
    x[i] = static_cast<float>(i);
  EXPECT_EQ(run({1, 2, 2, 3}, x, {1, 2}, 3), (std::vector<float>{4.5f, 5.5f, 6.5f}));
  EXPECT_EQ(run({1, 2, 2, 3}, x, {2, 1}, 3), (std::vector<float>{4.5f, 5.5f, 6.5f}));
}

TEST(MeanTest, NegativeAxisCountsFromTheEnd) {
  const std::vector<float> x = {1, 2, 3, 4, 5, 6}; // [2,3]
  EXPECT_EQ(run({2, 3}, x, {-1}, 2), (std::vector<float>{2, 5}));
  EXPECT_EQ(run({2, 3}, x, {-2}, 3), (std::vector<float>{2.5f, 3.5f, 4.5f}));
}

TEST(MeanTest, RepeatedAxisCountsOnce) {
  const std::vector<float> x = {1, 2, 3, 4, 5, 6}; // [2,3]
  EXPECT_EQ(run({2, 3}, x, {0, -2}, 3), (std::vector<float>{2.5f, 3.5f, 4.5f}));
}

TEST(MeanTest, AllAxesGiveOneValue) {
  EXPECT_EQ(run({2, 2}, {1, 2, 3, 6}, {0, 1}, 1), (std::vector<float>{3}));
}

TEST(MeanTest, SumsInRowMajorOrderInFloat) {
  // ((1e8 + 1) - 1e8) + 1 = 1 in float (1e8 + 1 rounds back to 1e8), so the
  // mean is 1/4. Pairwise or double summation would give 0 or 0.5.
  EXPECT_EQ(run({1, 2, 2, 1}, {1e8f, 1, -1e8f, 1}, {1, 2}, 1), (std::vector<float>{0.25f}));
}

TEST(MeanTest, ResolveAxesDropsRepeatsAndOutOfRange) {
  const std::vector<int32_t> axes = {-1, 3, 1, 4, -5};
  EXPECT_EQ(resolve_axes(axes, 4), (std::vector<int32_t>{3, 1}));
}

} // namespace
} // namespace qgold::interp::kernels
