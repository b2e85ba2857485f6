#include "interp/kernels/elu.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(EluTest, ExpMinusOneBelowZeroIdentityAbove) {
  const std::vector<float> input = {-1.0f, 2.0f, 0.0f, -100.0f, -1e-10f};
  std::vector<float> out(5);
  elu({5}, input.data(), out.data());
  EXPECT_NEAR(out[0], -0.63212055f, 1e-7f); // e^-1 - 1
  EXPECT_EQ(out[1], 2.0f);
  EXPECT_EQ(out[2], 0.0f);
  EXPECT_EQ(out[3], -1.0f);
  // expm1 keeps tiny negatives exact; exp(x) - 1 would give 0.
  EXPECT_EQ(out[4], -1e-10f);
}

} // namespace
} // namespace qgold::interp::kernels
