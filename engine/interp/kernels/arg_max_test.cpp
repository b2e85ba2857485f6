#include "interp/kernels/arg_max.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

namespace qgold::interp::kernels {
namespace {

template <typename Index, typename T>
std::vector<Index> run(const ir::Shape &shape, const std::vector<T> &input, int32_t axis,
                       size_t out_count) {
  std::vector<Index> out(out_count, Index(-9));
  arg_max<T, Index>(shape, input.data(), axis, out.data());
  return out;
}

TEST(ArgMaxTest, LastAxisOfNhwcPicksTheChannel) {
  // [1,1,3,4]: the largest channel of each pixel.
  const std::vector<float> x = {0.1f, 0.9f, 0.3f, 0.2f, //
                                -1, -2, -0.5f, -3,       //
                                5, 4, 3, 6};
  EXPECT_EQ((run<int64_t>({1, 1, 3, 4}, x, 3, 3)), (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ((run<int32_t>({1, 1, 3, 4}, x, 3, 3)), (std::vector<int32_t>{1, 2, 3}));
}

TEST(ArgMaxTest, InnerAxes) {
  // [2,3]: over axis 0 per column, over axis 1 per row.
  const std::vector<float> x = {1, 7, 3, 4, 5, 6};
  EXPECT_EQ((run<int32_t>({2, 3}, x, 0, 3)), (std::vector<int32_t>{1, 0, 1}));
  EXPECT_EQ((run<int32_t>({2, 3}, x, 1, 2)), (std::vector<int32_t>{1, 2}));
  // [2,3,2] over the middle axis.
  const std::vector<float> y = {0, 9, 5, 1, 2, 3, //
                                8, 0, 8, 4, 1, 4};
  EXPECT_EQ((run<int64_t>({2, 3, 2}, y, 1, 4)), (std::vector<int64_t>{1, 0, 0, 1}));
}

TEST(ArgMaxTest, TiesKeepTheFirstIndex) {
  EXPECT_EQ((run<int32_t>({5}, std::vector<float>{2, 3, 3, 1, 3}, 0, 1)),
            (std::vector<int32_t>{1}));
  EXPECT_EQ((run<int32_t>({3}, std::vector<float>{0, 0, 0}, 0, 1)), (std::vector<int32_t>{0}));
}

TEST(ArgMaxTest, NanNeverWinsAfterTheFirstElement) {
  const float nan = std::nanf("");
  EXPECT_EQ((run<int32_t>({3}, std::vector<float>{1, nan, 2}, 0, 1)), (std::vector<int32_t>{2}));
  // A leading NaN stays: nothing compares greater than it.
  EXPECT_EQ((run<int32_t>({3}, std::vector<float>{nan, 5, 2}, 0, 1)), (std::vector<int32_t>{0}));
}

TEST(ArgMaxTest, IntegerInputs) {
  EXPECT_EQ((run<int32_t>({4}, std::vector<int32_t>{-5, 12, 12, 3}, 0, 1)),
            (std::vector<int32_t>{1}));
  EXPECT_EQ((run<int64_t>({2, 2}, std::vector<int64_t>{int64_t{1} << 40, 2, 1, 3}, 0, 2)),
            (std::vector<int64_t>{0, 1}));
}

TEST(ArgMaxTest, EmptyOuterDimensionsWriteNothing) {
  EXPECT_TRUE((run<int32_t>({0, 3}, std::vector<float>{}, 1, 0)).empty());
}

} // namespace
} // namespace qgold::interp::kernels
