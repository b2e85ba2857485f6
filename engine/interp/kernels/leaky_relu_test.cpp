#include "interp/kernels/leaky_relu.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

std::vector<float> run(float alpha, const std::vector<float> &input) {
  std::vector<float> out(input.size());
  leaky_relu({alpha}, {static_cast<int32_t>(input.size())}, input.data(), out.data());
  return out;
}

TEST(LeakyReluTest, ScalesNegativesByAlpha) {
  EXPECT_EQ(run(0.25f, {-4.0f, 0.0f, 3.0f}), (std::vector<float>{-1.0f, 0.0f, 3.0f}));
}

TEST(LeakyReluTest, AlphaAboveOneOrNegativeIsNotAMax) {
  // max(x, alpha * x) would pick -1 and 1 here.
  EXPECT_EQ(run(2.0f, {-1.0f, 1.0f}), (std::vector<float>{-2.0f, 1.0f}));
  EXPECT_EQ(run(-0.5f, {-2.0f, 2.0f}), (std::vector<float>{1.0f, 2.0f}));
}

} // namespace
} // namespace qgold::interp::kernels
