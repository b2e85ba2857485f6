#include "interp/kernels/reduce_min.h"

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
  reduce_min<T>(shape, input.data(), axes, out.data());
  return out;
}

TEST(ReduceMinTest, MinimumAlongTheAxes) {
  const std::vector<float> x = {1, -2, 3, -4, 5, -6, 0.5f, 8}; // [2,2,2]
  EXPECT_EQ(run<float>({2, 2, 2}, x, {0}, 4), (std::vector<float>{1, -6, 0.5f, -4}));
  EXPECT_EQ(run<float>({2, 2, 2}, x, {1, 2}, 2), (std::vector<float>{-4, -6}));
  EXPECT_EQ(run<float>({2, 2, 2}, x, {-1, 0, 1}, 1), (std::vector<float>{-6}));
}

TEST(ReduceMinTest, EmptyReductionIsTheLargestValue) {
  EXPECT_EQ(run<float>({0, 3}, {}, {0}, 3),
            (std::vector<float>(3, std::numeric_limits<float>::max())));
  EXPECT_EQ(run<int64_t>({0}, {}, {0}, 1),
            (std::vector<int64_t>{std::numeric_limits<int64_t>::max()}));
}

TEST(ReduceMinTest, Integers) {
  EXPECT_EQ(run<int32_t>({2, 2}, {-3, 5, 7, -2}, {0}, 2), (std::vector<int32_t>{-3, -2}));
  EXPECT_EQ(run<int64_t>({2}, {-(int64_t{1} << 40), 3}, {0}, 1),
            (std::vector<int64_t>{-(int64_t{1} << 40)}));
}

} // namespace
} // namespace qgold::interp::kernels
