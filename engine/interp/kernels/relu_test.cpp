#include "interp/kernels/relu.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(ReluTest, ZeroesNegativesKeepsTheRest) {
  const std::vector<float> input = {-3, -0.5f, 0, 0.5f, 100};
  std::vector<float> out(5, -1.0f);
  relu({5}, input.data(), out.data());
  EXPECT_EQ(out, (std::vector<float>{0, 0, 0, 0.5f, 100}));
}

TEST(ReluTest, NanStaysNan) {
  const float input = NAN;
  float out = 0;
  relu({1}, &input, &out);
  EXPECT_TRUE(std::isnan(out));
}

} // namespace
} // namespace qgold::interp::kernels
