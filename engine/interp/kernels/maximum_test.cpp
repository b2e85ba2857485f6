#include "interp/kernels/maximum.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(MaximumTest, BroadcastsAConstantOverChannels) {
  const std::vector<float> x = {-1, 5, 2, 0}, y = {1, 3};
  std::vector<float> out(4);
  maximum({1, 2, 2}, x.data(), {2}, y.data(), {1, 2, 2}, out.data());
  EXPECT_EQ(out, (std::vector<float>{1, 5, 2, 3}));
}

TEST(MaximumTest, NanOnTheLeftLosesNanOnTheRightWins) {
  // TFLite's x > y ? x : y.
  const std::vector<float> x = {NAN, 1}, y = {1, NAN};
  std::vector<float> out(2);
  maximum({2}, x.data(), {2}, y.data(), {2}, out.data());
  EXPECT_EQ(out[0], 1.0f);
  EXPECT_TRUE(std::isnan(out[1]));
}

TEST(MaximumTest, Integers) {
  const std::vector<int32_t> x = {-3, 7}, y = {-4};
  std::vector<int32_t> out(2);
  maximum({2}, x.data(), {1}, y.data(), {2}, out.data());
  EXPECT_EQ(out, (std::vector<int32_t>{-3, 7}));
  const std::vector<int64_t> a = {int64_t{1} << 40, -1}, b = {5, 5};
  std::vector<int64_t> c(2);
  maximum({2}, a.data(), {2}, b.data(), {2}, c.data());
  EXPECT_EQ(c, (std::vector<int64_t>{int64_t{1} << 40, 5}));
}

} // namespace
} // namespace qgold::interp::kernels
