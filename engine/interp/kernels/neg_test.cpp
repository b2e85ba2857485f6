#include "interp/kernels/neg.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(NegTest, FloatFlipsTheSign) {
  const std::vector<float> input = {1.5f, -0.0f, 0.0f, -3.0f};
  std::vector<float> out(4);
  neg({4}, input.data(), out.data());
  EXPECT_EQ(out, (std::vector<float>{-1.5f, 0.0f, -0.0f, 3.0f}));
  EXPECT_FALSE(std::signbit(out[1]));
  EXPECT_TRUE(std::signbit(out[2]));
}

TEST(NegTest, IntegersWrapAtTheMinimum) {
  const std::vector<int32_t> small = {5, -7, std::numeric_limits<int32_t>::min()};
  std::vector<int32_t> small_out(3);
  neg({3}, small.data(), small_out.data());
  EXPECT_EQ(small_out, (std::vector<int32_t>{-5, 7, std::numeric_limits<int32_t>::min()}));
  const std::vector<int64_t> big = {int64_t{1} << 40, std::numeric_limits<int64_t>::min()};
  std::vector<int64_t> big_out(2);
  neg({2}, big.data(), big_out.data());
  EXPECT_EQ(big_out,
            (std::vector<int64_t>{-(int64_t{1} << 40), std::numeric_limits<int64_t>::min()}));
}

} // namespace
} // namespace qgold::interp::kernels
