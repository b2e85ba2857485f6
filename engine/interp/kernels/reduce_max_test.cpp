#include "interp/kernels/reduce_max.h"

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
  reduce_max<T>(shape, input.data(), axes, out.data());
  return out;
}

TEST(ReduceMaxTest, MaximumAlongTheAxes) {
  const std::vector<float> x = {1, -2, 3, -4, 5, -6, 0.5f, 8}; // [2,2,2]
  EXPECT_EQ(run<float>({2, 2, 2}, x, {0}, 4), (std::vector<float>{5, -2, 3, 8}));
  EXPECT_EQ(run<float>({2, 2, 2}, x, {1, 2}, 2), (std::vector<float>{3, 8}));
  EXPECT_EQ(run<float>({2, 2, 2}, x, {-1}, 4), (std::vector<float>{1, 3, 5, 8}));
}

TEST(ReduceMaxTest, AllNegativeInputsKeepTheirMaximum) {
  EXPECT_EQ(run<float>({3}, {-7, -3, -5}, {0}, 1), (std::vector<float>{-3}));
}

TEST(ReduceMaxTest, EmptyReductionIsTheLowestValue) {
  EXPECT_EQ(run<float>({2, 0}, {}, {1}, 2),
            (std::vector<float>(2, std::numeric_limits<float>::lowest())));
  EXPECT_EQ(run<int32_t>({0}, {}, {0}, 1),
            (std::vector<int32_t>{std::numeric_limits<int32_t>::min()}));
}

TEST(ReduceMaxTest, MinusInfinityIsBelowTheStartValue) {
  // The fold starts at -FLT_MAX, which is greater than -inf, as in TFLite.
  EXPECT_EQ(run<float>({2}, {-std::numeric_limits<float>::infinity(),
                             -std::numeric_limits<float>::infinity()},
                       {0}, 1),
            (std::vector<float>{std::numeric_limits<float>::lowest()}));
}

TEST(ReduceMaxTest, Integers) {
  EXPECT_EQ(run<int32_t>({2, 2}, {-3, 5, 7, -2}, {1}, 2), (std::vector<int32_t>{5, 7}));
  EXPECT_EQ(run<int64_t>({2}, {int64_t{1} << 40, -1}, {0}, 1),
            (std::vector<int64_t>{int64_t{1} << 40}));
}

} // namespace
} // namespace qgold::interp::kernels
