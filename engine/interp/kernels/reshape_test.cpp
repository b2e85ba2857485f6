#include "interp/kernels/reshape.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(ReshapeTest, KeepsRowMajorOrder) {
  const std::vector<float> input = {1, 2, 3, 4, 5, 6}; // [2,3] -> [3,2]
  std::vector<float> out(6, -1.0f);
  reshape({2, 3}, input.data(), out.data());
  EXPECT_EQ(out, input);
}

} // namespace
} // namespace qgold::interp::kernels
