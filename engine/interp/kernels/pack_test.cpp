#include "interp/kernels/pack.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(PackTest, AxisZeroStacksWholeInputs) {
  const std::vector<float> a = {1, 2, 3}, b = {4, 5, 6};
  std::vector<float> out(6);
  pack<float>(0, {3}, std::vector<const float *>{a.data(), b.data()}, out.data());
  EXPECT_EQ(out, (std::vector<float>{1, 2, 3, 4, 5, 6}));
}

TEST(PackTest, LastAxisInterleaves) {
  // Two [3] -> [3,2], axis -1 (= 1).
  const std::vector<float> a = {1, 2, 3}, b = {4, 5, 6};
  std::vector<float> out(6);
  pack<float>(-1, {3}, std::vector<const float *>{a.data(), b.data()}, out.data());
  EXPECT_EQ(out, (std::vector<float>{1, 4, 2, 5, 3, 6}));
}

TEST(PackTest, MiddleAxisOfThreeInputs) {
  // Three [2,2] along axis 1 -> [2,3,2]: rows of each input in turn.
  const std::vector<int32_t> a = {1, 2, 3, 4}, b = {5, 6, 7, 8}, c = {9, 10, 11, 12};
  std::vector<int32_t> out(12);
  pack<int32_t>(1, {2, 2}, std::vector<const int32_t *>{a.data(), b.data(), c.data()}, out.data());
  EXPECT_EQ(out, (std::vector<int32_t>{1, 2, 5, 6, 9, 10, 3, 4, 7, 8, 11, 12}));
}

TEST(PackTest, ScalarsBecomeAVector) {
  // Shape building: Pack of int64 scalars.
  const int64_t a = 7, b = -1;
  std::vector<int64_t> out(2);
  pack<int64_t>(0, {}, std::vector<const int64_t *>{&a, &b}, out.data());
  EXPECT_EQ(out, (std::vector<int64_t>{7, -1}));
  const bool t = true, f = false;
  bool flags[2] = {false, true};
  pack<bool>(-1, {}, std::vector<const bool *>{&t, &f}, flags);
  EXPECT_TRUE(flags[0]);
  EXPECT_FALSE(flags[1]);
}

} // namespace
} // namespace qgold::interp::kernels
