#include "interp/kernels/square.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(SquareTest, MultipliesEachValueByItself) {
  const std::vector<float> input = {-3.0f, 0.5f, 0.0f, 1e20f};
  std::vector<float> out(4);
  square({1, 4}, input.data(), out.data());
  EXPECT_EQ(out, (std::vector<float>{9.0f, 0.25f, 0.0f, INFINITY}));
}

} // namespace
} // namespace qgold::interp::kernels
