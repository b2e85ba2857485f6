#include "interp/kernels/arg_min.h"

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
  arg_min<T, Index>(shape, input.data(), axis, out.data());
  return out;
}

TEST(ArgMinTest, PicksTheSmallestAlongTheAxis) {
  const std::vector<float> x = {1, 7, 3, 4, 5, 0}; // [2,3]
  EXPECT_EQ((run<int32_t>({2, 3}, x, 0, 3)), (std::vector<int32_t>{0, 1, 1}));
  EXPECT_EQ((run<int64_t>({2, 3}, x, 1, 2)), (std::vector<int64_t>{0, 2}));
}

TEST(ArgMinTest, TiesKeepTheFirstIndex) {
  EXPECT_EQ((run<int32_t>({4}, std::vector<float>{3, -1, 2, -1}, 0, 1)),
            (std::vector<int32_t>{1}));
}

TEST(ArgMinTest, NanNeverWinsAfterTheFirstElement) {
  const float nan = std::nanf("");
  EXPECT_EQ((run<int32_t>({3}, std::vector<float>{4, nan, 2}, 0, 1)), (std::vector<int32_t>{2}));
}

TEST(ArgMinTest, IntegerInputs) {
  EXPECT_EQ((run<int64_t>({3}, std::vector<int32_t>{0, -7, 7}, 0, 1)),
            (std::vector<int64_t>{1}));
  EXPECT_EQ((run<int32_t>({2}, std::vector<int64_t>{-(int64_t{1} << 40), 0}, 0, 1)),
            (std::vector<int32_t>{0}));
}

} // namespace
} // namespace qgold::interp::kernels
