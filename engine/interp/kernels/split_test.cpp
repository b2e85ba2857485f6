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
  split(-1, {2, 6}, input.data(), outputs);
  EXPECT_EQ(a, (std::vector<float>{0, 1, 10, 11}));
  EXPECT_EQ(b, (std::vector<float>{2, 3, 12, 13}));
  EXPECT_EQ(c, (std::vector<float>{4, 5, 14, 15}));
}

TEST(SplitTest, IntoThreeAlongTheFirstAxis) {
  const std::vector<float> input = {1, 2, 3, 4, 5, 6}; // [3,2]
  std::vector<float> a(2), b(2), c(2);
  const std::vector<float *> outputs = {a.data(), b.data(), c.data()};
  split(0, {3, 2}, input.data(), outputs);
  EXPECT_EQ(a, (std::vector<float>{1, 2}));
  EXPECT_EQ(b, (std::vector<float>{3, 4}));
  EXPECT_EQ(c, (std::vector<float>{5, 6}));
}

TEST(SplitTest, MiddleAxisOfNhwc) {
  // [1,2,2,1] along axis 1 (rows) into two.
  const std::vector<float> input = {1, 2, 3, 4};
  std::vector<float> top(2), bottom(2);
  const std::vector<float *> outputs = {top.data(), bottom.data()};
  split(1, {1, 2, 2, 1}, input.data(), outputs);
  EXPECT_EQ(top, (std::vector<float>{1, 2}));
  EXPECT_EQ(bottom, (std::vector<float>{3, 4}));
}

} // namespace
} // namespace qgold::interp::kernels
