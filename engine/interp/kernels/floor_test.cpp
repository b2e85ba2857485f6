#include "interp/kernels/floor.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(FloorTest, RoundsTowardNegativeInfinity) {
  const std::vector<float> input = {-2.5f, 2.5f, -0.0f, 3.0f, -0.25f};
  std::vector<float> out(5);
  floor({5}, input.data(), out.data());
  EXPECT_EQ(out, (std::vector<float>{-3.0f, 2.0f, 0.0f, 3.0f, -1.0f}));
  EXPECT_TRUE(std::signbit(out[2])); // floor(-0) is -0
}

} // namespace
} // namespace qgold::interp::kernels
