#include "interp/kernels/unpack.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(UnpackTest, FirstAxisGivesRows) {
  const std::vector<float> input = {1, 2, 3, 4, 5, 6}; // [3,2]
  std::vector<float> a(2), b(2), c(2);
  unpack<float>(0, {3, 2}, input.data(), std::vector<float *>{a.data(), b.data(), c.data()});
  EXPECT_EQ(a, (std::vector<float>{1, 2}));
  EXPECT_EQ(b, (std::vector<float>{3, 4}));
  EXPECT_EQ(c, (std::vector<float>{5, 6}));
}

TEST(UnpackTest, LastAxisGivesColumns) {
  const std::vector<float> input = {1, 2, 3, 4, 5, 6}; // [3,2], axis -1
  std::vector<float> a(3), b(3);
  unpack<float>(-1, {3, 2}, input.data(), std::vector<float *>{a.data(), b.data()});
  EXPECT_EQ(a, (std::vector<float>{1, 3, 5}));
  EXPECT_EQ(b, (std::vector<float>{2, 4, 6}));
}

TEST(UnpackTest, MiddleAxisOfNhwcAndScalars) {
  // [1,2,2,1] on axis 1: two [1,2,1] rows.
  const std::vector<int32_t> input = {1, 2, 3, 4};
  std::vector<int32_t> top(2), bottom(2);
  unpack<int32_t>(1, {1, 2, 2, 1}, input.data(), std::vector<int32_t *>{top.data(), bottom.data()});
  EXPECT_EQ(top, (std::vector<int32_t>{1, 2}));
  EXPECT_EQ(bottom, (std::vector<int32_t>{3, 4}));
  // A vector into scalars.
  const std::vector<int64_t> dims = {8, 9};
  int64_t x = 0, y = 0;
  unpack<int64_t>(0, {2}, dims.data(), std::vector<int64_t *>{&x, &y});
  EXPECT_EQ(x, 8);
  EXPECT_EQ(y, 9);
}

} // namespace
} // namespace qgold::interp::kernels
