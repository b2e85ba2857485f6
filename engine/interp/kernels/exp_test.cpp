#include "interp/kernels/exp.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(ExpTest, KnownValuesAndOverflow) {
  const std::vector<float> input = {0.0f, 1.0f, -1.0f, 100.0f, -200.0f};
  std::vector<float> out(5);
  exp({5}, input.data(), out.data());
  EXPECT_EQ(out[0], 1.0f);
  EXPECT_NEAR(out[1], 2.7182817f, 1e-6f);  // e
  EXPECT_NEAR(out[2], 0.36787945f, 1e-7f); // 1/e
  EXPECT_EQ(out[3], INFINITY);             // e^100 > FLT_MAX (about e^88.7)
  EXPECT_EQ(out[4], 0.0f);
}

} // namespace
} // namespace qgold::interp::kernels
