#include "interp/kernels/split_v.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(SplitVTest, UnequalPartsAlongTheLastAxis) {
  // [2,5] into 1, 3 and 1 columns.
  const std::vector<float> input = {0, 1, 2, 3, 4, 10, 11, 12, 13, 14};
  std::vector<float> a(2), b(6), c(2);
  split_v<float>(-1, {2, 5}, std::vector<int32_t>{1, 3, 1}, input.data(),
                 std::vector<float *>{a.data(), b.data(), c.data()});
  EXPECT_EQ(a, (std::vector<float>{0, 10}));
  EXPECT_EQ(b, (std::vector<float>{1, 2, 3, 11, 12, 13}));
  EXPECT_EQ(c, (std::vector<float>{4, 14}));
}

TEST(SplitVTest, FirstAxisWithAnEmptyPart) {
  const std::vector<int32_t> input = {1, 2, 3, 4, 5, 6}; // [3,2]
  std::vector<int32_t> a(4), none(1, -1), b(2);
  split_v<int32_t>(0, {3, 2}, std::vector<int32_t>{2, 0, 1}, input.data(),
                   std::vector<int32_t *>{a.data(), none.data(), b.data()});
  EXPECT_EQ(a, (std::vector<int32_t>{1, 2, 3, 4}));
  EXPECT_EQ(none[0], -1);
  EXPECT_EQ(b, (std::vector<int32_t>{5, 6}));
}

TEST(SplitVTest, ChannelsOfNhwc) {
  // [1,2,1,3] into channels {2, 1}.
  const std::vector<float> input = {1, 2, 3, 4, 5, 6};
  std::vector<float> a(4), b(2);
  split_v<float>(3, {1, 2, 1, 3}, std::vector<int32_t>{2, 1}, input.data(),
                 std::vector<float *>{a.data(), b.data()});
  EXPECT_EQ(a, (std::vector<float>{1, 2, 4, 5}));
  EXPECT_EQ(b, (std::vector<float>{3, 6}));
}

} // namespace
} // namespace qgold::interp::kernels
