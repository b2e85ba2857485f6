#include "interp/kernels/l2_normalize.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

std::vector<float> run(const ir::Shape &shape, const std::vector<float> &input) {
  std::vector<float> out(input.size(), -999.0f);
  l2_normalize(shape, input.data(), out.data());
  return out;
}

TEST(L2NormalizeTest, EachRowGetsUnitLength) {
  // [3,4] has norm 5; [0,-2] norm 2; [1,0] norm 1.
  EXPECT_EQ(run({3, 2}, {3, 4, 0, -2, 1, 0}), (std::vector<float>{0.6f, 0.8f, 0, -1, 1, 0}));
}

TEST(L2NormalizeTest, LastDimensionOfNhwc) {
  // [1,1,2,4]: pixel (1,1,1,1) has norm 2, pixel (2,0,0,0) norm 2.
  EXPECT_EQ(run({1, 1, 2, 4}, {1, 1, 1, 1, 2, 0, 0, 0}),
            (std::vector<float>{0.5f, 0.5f, 0.5f, 0.5f, 1, 0, 0, 0}));
}

TEST(L2NormalizeTest, TinyNormIsClampedToEpsilon) {
  // norm 5e-7 < 1e-6: divided by 1e-6, not by the norm (which would give 0.6, 0.8).
  const auto out = run({2}, {3e-7f, 4e-7f});
  EXPECT_NEAR(out[0], 0.3f, 1e-6f);
  EXPECT_NEAR(out[1], 0.4f, 1e-6f);
  EXPECT_EQ(run({2}, {0, 0}), (std::vector<float>{0, 0}));
}

} // namespace
} // namespace qgold::interp::kernels
