#include "interp/kernels/reduce_prod.h"

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
  reduce_prod<T>(shape, input.data(), axes, out.data());
  return out;
}

TEST(ReduceProdTest, MultipliesAlongTheAxes) {
  const std::vector<float> x = {1, 2, 3, 4, 5, 6}; // [2,3]
  EXPECT_EQ(run<float>({2, 3}, x, {0}, 3), (std::vector<float>{4, 10, 18}));
  EXPECT_EQ(run<float>({2, 3}, x, {-1}, 2), (std::vector<float>{6, 120}));
  EXPECT_EQ(run<float>({2, 3}, x, {0, 1}, 1), (std::vector<float>{720}));
}

TEST(ReduceProdTest, MultipliesInRowMajorOrder) {
  // (1e30 * 1e30) overflows to inf before 1e-30 comes; the other grouping,
  // 1e30 * (1e30 * 1e-30), would be 1e30.
  const auto out = run<float>({3}, {1e30f, 1e30f, 1e-30f}, {0}, 1);
  EXPECT_EQ(out[0], std::numeric_limits<float>::infinity());
}

TEST(ReduceProdTest, EmptyReductionIsOne) {
  EXPECT_EQ(run<float>({0, 2}, {}, {0}, 2), (std::vector<float>{1, 1}));
}

TEST(ReduceProdTest, IntegersWrapAround) {
  EXPECT_EQ(run<int32_t>({2, 2}, {-3, 5, 7, 2}, {0}, 2), (std::vector<int32_t>{-21, 10}));
  // 65536 * 65536 = 2^32 wraps to 0 in int32.
  EXPECT_EQ(run<int32_t>({2}, {65536, 65536}, {0}, 1), (std::vector<int32_t>{0}));
  EXPECT_EQ(run<int64_t>({2}, {65536, 65536}, {0}, 1), (std::vector<int64_t>{int64_t{1} << 32}));
}

} // namespace
} // namespace qgold::interp::kernels
