#include "interp/kernels/minimum.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(MinimumTest, ColumnAgainstRow) {
  const std::vector<float> x = {1, 4}, y = {0, 2, 5};
  std::vector<float> out(6);
  minimum({2, 1}, x.data(), {1, 3}, y.data(), {2, 3}, out.data());
  EXPECT_EQ(out, (std::vector<float>{0, 1, 1, 0, 2, 4}));
}

TEST(MinimumTest, NanOnTheLeftLosesNanOnTheRightWins) {
  // TFLite's x < y ? x : y.
  const std::vector<float> x = {NAN, 1}, y = {1, NAN};
  std::vector<float> out(2);
  minimum({2}, x.data(), {2}, y.data(), {2}, out.data());
  EXPECT_EQ(out[0], 1.0f);
  EXPECT_TRUE(std::isnan(out[1]));
}

TEST(MinimumTest, Integers) {
  const std::vector<int32_t> x = {-3, 7}, y = {-4, 8};
  std::vector<int32_t> out(2);
  minimum({2}, x.data(), {2}, y.data(), {2}, out.data());
  EXPECT_EQ(out, (std::vector<int32_t>{-4, 7}));
  const std::vector<int64_t> a = {-(int64_t{1} << 40), 9}, b = {0};
  std::vector<int64_t> c(2);
  minimum({2}, a.data(), {}, b.data(), {2}, c.data());
  EXPECT_EQ(c, (std::vector<int64_t>{-(int64_t{1} << 40), 0}));
}

} // namespace
} // namespace qgold::interp::kernels
