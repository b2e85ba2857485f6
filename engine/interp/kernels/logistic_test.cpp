#include "interp/kernels/logistic.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(LogisticTest, SigmoidValues) {
  const std::vector<float> input = {0, 1, -1};
  std::vector<float> out(3);
  logistic({3}, input.data(), out.data());
  EXPECT_FLOAT_EQ(out[0], 0.5f);
  // 1 / (1 + e^-1) = 1 / 1.3678794 = 0.7310586; sigmoid(-x) = 1 - sigmoid(x).
  EXPECT_NEAR(out[1], 0.7310586f, 1e-6f);
  EXPECT_NEAR(out[2], 0.2689414f, 1e-6f);
}

TEST(LogisticTest, CutoffsMatchTflite) {
  const std::vector<float> input = {17, -10};
  std::vector<float> out(2);
  logistic({2}, input.data(), out.data());
  EXPECT_EQ(out[0], 1.0f);
  // Below -9 the result is exp(x): e^-10 = 4.539993e-5.
  EXPECT_NEAR(out[1], 4.539993e-5f, 1e-11f);
}

} // namespace
} // namespace qgold::interp::kernels
