#include "interp/kernels/div.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace qgold::interp::kernels {
namespace {

std::vector<float> run(const DivParams &params, const ir::Shape &x_shape,
                       const std::vector<float> &x, const ir::Shape &y_shape,
                       const std::vector<float> &y, const ir::Shape &out_shape) {
  std::vector<float> out(ir::num_elements(out_shape), -999.0f);
  div(params, x_shape, x.data(), y_shape, y.data(), out_shape, out.data());
  return out;
}

TEST(DivTest, ChannelVectorDivisorBroadcasts) {
  auto out = run({}, {1, 2, 1, 2}, {1, 2, 3, -4}, {2}, {2, -4}, {1, 2, 1, 2});
  EXPECT_EQ(out, (std::vector<float>{0.5f, -0.5f, 1.5f, 1.0f}));
}

TEST(DivTest, ScalarDividend) {
  auto out = run({}, {}, {6}, {3}, {1, 2, 3}, {3});
  EXPECT_EQ(out, (std::vector<float>{6, 3, 2}));
}

TEST(DivTest, ZeroDivisorGivesIeeeResults) {
  auto out = run({}, {3}, {1, -1, 0}, {1}, {0}, {3});
  EXPECT_EQ(out[0], INFINITY);
  EXPECT_EQ(out[1], -INFINITY);
  EXPECT_TRUE(std::isnan(out[2]));
}

TEST(DivTest, FusedRelu6) {
  auto out = run({ir::Activation::Relu6}, {3}, {-4, 4, 40}, {1}, {2}, {3});
  EXPECT_EQ(out, (std::vector<float>{0, 2, 6}));
}

} // namespace
} // namespace qgold::interp::kernels
