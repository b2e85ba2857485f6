#include "interp/kernels/split.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(SplitTest, IntoThreeAlongTheLastAxis) {
  // [2,6] -> three [2,2].
  const std::vector<float> input = {0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15};
  std::vector<float> a(4), b(4), c(4);
  const std::vector<float *> outputs = {a.data(), b.data(), c.data()};
  split<float>(-1, {2, 6}, input.data(), outputs);
  EXPECT_EQ(a, (std::vector<float>{0, 1, 10, 11}));
  EXPECT_EQ(b, (std::vector<float>{2, 3, 12, 13}));
  EXPECT_EQ(c, (std::vector<float>{4, 5, 14, 15}));
}

TEST(SplitTest, IntoThreeAlongTheFirstAxis) {
  const std::vector<float> input = {1, 2, 3, 4, 5, 6}; // [3,2]
  std::vector<float> a(2), b(2), c(2);
  const std::vector<float *> outputs = {a.data(), b.data(), c.data()};
  split<float>(0, {3, 2}, input.data(), outputs);
  EXPECT_EQ(a, (std::vector<float>{1, 2}));
  EXPECT_EQ(b, (std::vector<float>{3, 4}));
  EXPECT_EQ(c, (std::vector<float>{5, 6}));
}

TEST(SplitTest, MiddleAxisOfNhwc) {
  // [1,2,2,1] along axis 1 (rows) into two.
  const std::vector<float> input = {1, 2, 3, 4};
  std::vector<float> top(2), bottom(2);
  const std::vector<float *> outputs = {top.data(), bottom.data()};
  split<float>(1, {1, 2, 2, 1}, input.data(), outputs);
  EXPECT_EQ(top, (std::vector<float>{1, 2}));
  EXPECT_EQ(bottom, (std::vector<float>{3, 4}));
}

TEST(SplitTest, Int64PartsAlongTheLastAxis) {
  const std::vector<int64_t> input = {1, 2, 3, 4, INT64_MIN, INT64_MAX}; // [3,2]
  std::vector<int64_t> a(3), b(3);
  split<int64_t>(-1, {3, 2}, input.data(), std::vector<int64_t *>{a.data(), b.data()});
  EXPECT_EQ(a, (std::vector<int64_t>{1, 3, INT64_MIN}));
  EXPECT_EQ(b, (std::vector<int64_t>{2, 4, INT64_MAX}));
}

TEST(SplitTest, BoolAndInt32Parts) {
  const bool input[] = {true, false, false, true};
  bool a[2] = {}, b[2] = {};
  split<bool>(0, {2, 2}, input, std::vector<bool *>{a, b});
  EXPECT_TRUE(a[0]);
  EXPECT_FALSE(a[1]);
  EXPECT_FALSE(b[0]);
  EXPECT_TRUE(b[1]);

  const std::vector<int32_t> values = {5, 6, 7, 8};
  std::vector<int32_t> c(2), d(2);
  split<int32_t>(1, {2, 2}, values.data(), std::vector<int32_t *>{c.data(), d.data()});
  EXPECT_EQ(c, (std::vector<int32_t>{5, 7}));
  EXPECT_EQ(d, (std::vector<int32_t>{6, 8}));
}

} // namespace
} // namespace qgold::interp::kernels
