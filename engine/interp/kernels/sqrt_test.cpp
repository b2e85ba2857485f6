#include "interp/kernels/sqrt.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(SqrtTest, ExactSquaresAndNegative) {
  const std::vector<float> input = {4.0f, 0.0f, 2.25f, -1.0f};
  std::vector<float> out(4);
  sqrt({4}, input.data(), out.data());
  EXPECT_EQ(out[0], 2.0f);
  EXPECT_EQ(out[1], 0.0f);
  EXPECT_EQ(out[2], 1.5f);
  EXPECT_TRUE(std::isnan(out[3]));
}

} // namespace
} // namespace qgold::interp::kernels
