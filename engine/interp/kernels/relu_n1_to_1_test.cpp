#include "interp/kernels/relu_n1_to_1.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(ReluN1To1Test, ClampsToMinusOneOne) {
  const std::vector<float> input = {-2.0f, -1.0f, -0.5f, 0.5f, 1.0f, 2.0f};
  std::vector<float> out(6);
  relu_n1_to_1({6}, input.data(), out.data());
  EXPECT_EQ(out, (std::vector<float>{-1.0f, -1.0f, -0.5f, 0.5f, 1.0f, 1.0f}));
}

TEST(ReluN1To1Test, NanPassesThrough) {
  const float input = NAN;
  float out = 0.0f;
  relu_n1_to_1({}, &input, &out);
  EXPECT_TRUE(std::isnan(out));
}

} // namespace
} // namespace qgold::interp::kernels
