#include "interp/kernels/floor_div.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <vector>

namespace qgold::interp::kernels {
namespace {

template <typename T>
std::vector<T> run(const ir::Shape &x_shape, const std::vector<T> &x, const ir::Shape &y_shape,
                   const std::vector<T> &y, const ir::Shape &out_shape) {
  std::vector<T> out(ir::num_elements(out_shape));
  floor_div(x_shape, x.data(), y_shape, y.data(), out_shape, out.data());
  return out;
}

TEST(FloorDivTest, FloatRoundsTowardNegativeInfinity) {
  EXPECT_EQ(run<float>({4}, {7, -7, 7.5f, -0.5f}, {}, {2}, {4}),
            (std::vector<float>{3, -4, 3, -1}));
  EXPECT_EQ(run<float>({2}, {7, 7}, {2}, {-2, 0.5f}, {2}), (std::vector<float>{-4, 14}));
}

TEST(FloorDivTest, Int32FloorsNegativeQuotientsUnlikeCpp) {
  // C++ division truncates (-7 / 2 == -3); floor division gives -4.
  EXPECT_EQ(run<int32_t>({3}, {-7, 7, -8}, {3}, {2, -2, 2}, {3}),
            (std::vector<int32_t>{-4, -4, -4}));
  EXPECT_EQ(run<int32_t>({2, 1}, {9, -9}, {1, 2}, {4, -4}, {2, 2}),
            (std::vector<int32_t>{2, -3, -3, 2}));
}

TEST(FloorDivTest, Int32MinOverMinusOneDoesNotFitAndGivesTheMinimum) {
  const int32_t min = std::numeric_limits<int32_t>::min();
  EXPECT_EQ(run<int32_t>({1}, {min}, {1}, {-1}, {1}), (std::vector<int32_t>{min}));
}

TEST(FloorDivTest, Int64DividesInDoubleAsTflite) {
  // 2^53 + 1 is not a double: TFLite's double quotient gives 2^53.
  const int64_t big = (int64_t{1} << 53) + 1;
  EXPECT_EQ(run<int64_t>({2}, {big, -5}, {}, {1}, {2}),
            (std::vector<int64_t>{int64_t{1} << 53, -5}));
  EXPECT_EQ(run<int64_t>({1}, {-5}, {1}, {3}, {1}), (std::vector<int64_t>{-2}));
}

TEST(FloorDivTest, HasZeroFindsZerosOfEitherSign) {
  const std::vector<float> floats = {1.0f, -0.0f};
  EXPECT_TRUE(has_zero(2, floats.data()));
  EXPECT_FALSE(has_zero(1, floats.data()));
  const std::vector<int32_t> ints = {3, -1, 0};
  EXPECT_TRUE(has_zero(3, ints.data()));
  EXPECT_FALSE(has_zero(2, ints.data()));
  const std::vector<int64_t> longs = {int64_t{1} << 40};
  EXPECT_FALSE(has_zero(1, longs.data()));
}

} // namespace
} // namespace qgold::interp::kernels
