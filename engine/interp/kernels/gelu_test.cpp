#include "interp/kernels/gelu.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

std::vector<float> run(bool approximate, const std::vector<float> &input) {
  std::vector<float> out(input.size());
  gelu({approximate}, {static_cast<int32_t>(input.size())}, input.data(), out.data());
  return out;
}

TEST(GeluTest, ExactUsesTheNormalCdf) {
  // 0.5 * x * (1 + erf(x / sqrt(2))): Phi(1) = 0.8413447, Phi(2) = 0.9772499.
  const auto out = run(false, {0.0f, 1.0f, -1.0f, 2.0f});
  EXPECT_EQ(out[0], 0.0f);
  EXPECT_NEAR(out[1], 0.84134475f, 1e-6f);
  EXPECT_NEAR(out[2], -0.15865526f, 1e-6f);
  EXPECT_NEAR(out[3], 1.9544997f, 1e-6f);
}

TEST(GeluTest, ExactKeepsLargeNegativeTailsThatErfWouldCancel) {
  // -5 * erfc(10 / sqrt(2)) = -7.6198530e-23; 0.5 * x * (1 + erf) would round to 0.
  const auto out = run(false, {-10.0f});
  EXPECT_LT(out[0], 0.0f);
  EXPECT_NEAR(out[0], -7.619853e-23f, 1e-27f);
}

TEST(GeluTest, ApproximateUsesTheTanhFormula) {
  // 0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x^3))).
  const auto out = run(true, {0.0f, 1.0f, -1.0f, 2.0f, -10.0f});
  EXPECT_EQ(out[0], 0.0f);
  EXPECT_NEAR(out[1], 0.84119199f, 1e-6f);
  EXPECT_NEAR(out[2], -0.15880801f, 1e-6f);
  EXPECT_NEAR(out[3], 1.9545977f, 1e-6f);
  EXPECT_EQ(out[4], 0.0f); // tanh saturates at -1
}

} // namespace
} // namespace qgold::interp::kernels
