#include "interp/kernels/sum.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <vector>

namespace qgold::interp::kernels {
namespace {

template <typename T>
std::vector<T> run(const ir::Shape &shape, const std::vector<T> &input,
                   const std::vector<int32_t> &axes, size_t out_count) {
  std::vector<T> out(out_count, T(-99));
  sum<T>(shape, input.data(), axes, out.data());
  return out;
}

TEST(SumTest, SpatialAxesOfNhwcSumPerChannel) {
  // x = 0..11 as [1,2,2,3]: channel c holds c, 3+c, 6+c, 9+c -> 18 + 4c.
  std::vector<float> x(12);
  for (int i = 0; i < 12; ++i)
    x[i] = static_cast<float>(i);
  EXPECT_EQ(run<float>({1, 2, 2, 3}, x, {1, 2}, 3), (std::vector<float>{18, 22, 26}));
  EXPECT_EQ(run<float>({1, 2, 2, 3}, x, {2, -3}, 3), (std::vector<float>{18, 22, 26}));
}

TEST(SumTest, OuterAxisKeepsTheInnerOnes) {
  // [2,3] over axis 0: column sums; over -1: row sums.
  const std::vector<float> x = {1, 2, 3, 4, 5, 6};
  EXPECT_EQ(run<float>({2, 3}, x, {0}, 3), (std::vector<float>{5, 7, 9}));
  EXPECT_EQ(run<float>({2, 3}, x, {-1}, 2), (std::vector<float>{6, 15}));
  EXPECT_EQ(run<float>({2, 3}, x, {1, -1, 1}, 2), (std::vector<float>{6, 15}));
}

TEST(SumTest, NoAxesCopiesTheInput) {
  EXPECT_EQ(run<float>({3}, {1.5f, -2, 7}, {}, 3), (std::vector<float>{1.5f, -2, 7}));
}

TEST(SumTest, AccumulatesFromZeroInRowMajorOrderInFloat) {
  // ((0 + 1e8) + 1) rounds back to 1e8, then - 1e8 + 1 = 1. Pairwise or double
  // summation would give 2.
  EXPECT_EQ(run<float>({2, 2}, {1e8f, 1, -1e8f, 1}, {0, 1}, 1), (std::vector<float>{1}));
  // Per output of axis 0 the order is still row-major: 1e8 + -1e8 = 0, 1 + 1 = 2.
  EXPECT_EQ(run<float>({2, 2}, {1e8f, 1, -1e8f, 1}, {0}, 2), (std::vector<float>{0, 2}));
}

TEST(SumTest, EmptyReductionIsZero) {
  EXPECT_EQ(run<float>({2, 0}, {}, {1}, 2), (std::vector<float>{0, 0}));
}

TEST(SumTest, IntegersSumExactlyAndWrapAround) {
  EXPECT_EQ(run<int32_t>({2, 2}, {1, -5, 7, 100}, {0}, 2), (std::vector<int32_t>{8, 95}));
  const int32_t max32 = std::numeric_limits<int32_t>::max();
  EXPECT_EQ(run<int32_t>({2}, {max32, 1}, {0}, 1),
            (std::vector<int32_t>{std::numeric_limits<int32_t>::min()}));
  const int64_t big = int64_t{1} << 40;
  EXPECT_EQ(run<int64_t>({3}, {big, big, -1}, {0}, 1), (std::vector<int64_t>{2 * big - 1}));
}

} // namespace
} // namespace qgold::interp::kernels
