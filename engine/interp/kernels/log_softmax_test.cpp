#include "interp/kernels/log_softmax.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace qgold::interp::kernels {
namespace {

std::vector<float> run(const ir::Shape &shape, const std::vector<float> &input) {
  std::vector<float> out(input.size(), -999.0f);
  log_softmax(shape, input.data(), out.data());
  return out;
}

TEST(LogSoftmaxTest, EqualLogitsGiveMinusLogDepth) {
  // Two rows of 4 equal values: log(1/4) = -1.3862944 each.
  const auto out = run({2, 4}, {3, 3, 3, 3, -2, -2, -2, -2});
  for (float v : out)
    EXPECT_FLOAT_EQ(v, -std::log(4.0f));
}

TEST(LogSoftmaxTest, RowOfThree) {
  // [1,2,3]: max 3, sum = e^-2 + e^-1 + 1 = 0.1353353 + 0.3678794 + 1 = 1.5032147,
  // log = 0.4076059; outputs -2.4076059, -1.4076059, -0.4076059.
  const auto out = run({1, 3}, {1, 2, 3});
  EXPECT_NEAR(out[0], -2.4076059f, 1e-6f);
  EXPECT_NEAR(out[1], -1.4076059f, 1e-6f);
  EXPECT_NEAR(out[2], -0.4076059f, 1e-6f);
}

TEST(LogSoftmaxTest, LargeLogitsDoNotOverflow) {
  // exp(1000) overflows float; shifted by the max the row is [0, -ln 3]:
  // sum 4/3, outputs -ln(4/3) and -ln 3 - ln(4/3) = -ln 4.
  const auto out = run({2}, {1000, 1000 - 1.0986123f});
  EXPECT_NEAR(out[0], -0.2876821f, 1e-4f);
  EXPECT_NEAR(out[1], -1.3862944f, 1e-4f);
}

TEST(LogSoftmaxTest, OnlyTheLastDimensionIsNormalized) {
  // [2,1,2]: each pair on its own; [0, ln 3] -> [-ln 4, ln 3 - ln 4].
  const auto out = run({2, 1, 2}, {0, 1.0986123f, 5, 5});
  EXPECT_NEAR(out[0], -1.3862944f, 1e-6f);
  EXPECT_NEAR(out[1], -0.2876821f, 1e-6f);
  EXPECT_FLOAT_EQ(out[2], -std::log(2.0f));
  EXPECT_FLOAT_EQ(out[3], -std::log(2.0f));
}

TEST(LogSoftmaxTest, EmptyLastDimensionWritesNothing) {
  EXPECT_TRUE(run({3, 0}, {}).empty());
}

} // namespace
} // namespace qgold::interp::kernels
