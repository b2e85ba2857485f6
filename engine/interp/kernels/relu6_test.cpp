#include "interp/kernels/relu6.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(Relu6Test, ClampsToZeroSix) {
  const std::vector<float> input = {-3, 0, 2.5f, 6, 6.5f, 100};
  std::vector<float> out(6, -1.0f);
  relu6({2, 3}, input.data(), out.data());
  EXPECT_EQ(out, (std::vector<float>{0, 0, 2.5f, 6, 6, 6}));
}

} // namespace
} // namespace qgold::interp::kernels
