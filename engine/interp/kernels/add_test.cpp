#include "interp/kernels/add.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

std::vector<float> run(const AddParams &params, const ir::Shape &x_shape,
                       const std::vector<float> &x, const ir::Shape &y_shape,
                       const std::vector<float> &y, const ir::Shape &out_shape) {
  std::vector<float> out(ir::num_elements(out_shape), -999.0f);
  add(params, x_shape, x.data(), y_shape, y.data(), out_shape, out.data());
  return out;
}

TEST(AddTest, ChannelVectorBroadcastsOverNhwc) {
  // x = 0..11 as [1,2,2,3]; y = [10,20,30] is added to every pixel.
  std::vector<float> x(12);
  for (int i = 0; i < 12; ++i)
    x[i] = static_cast<float>(i);
  auto out = run({}, {1, 2, 2, 3}, x, {3}, {10, 20, 30}, {1, 2, 2, 3});
  EXPECT_EQ(out, (std::vector<float>{10, 21, 32, 13, 24, 35, 16, 27, 38, 19, 30, 41}));
}

TEST(AddTest, SingleElementTensorRaisesRank) {
  auto out = run({}, {2, 2}, {1, 2, 3, 4}, {1, 1, 1, 1}, {10}, {1, 1, 2, 2});
  EXPECT_EQ(out, (std::vector<float>{11, 12, 13, 14}));
}

TEST(AddTest, ColumnPlusRowIsAnOuterSum) {
  auto out = run({}, {2, 1}, {1, 2}, {1, 3}, {10, 20, 30}, {2, 3});
  EXPECT_EQ(out, (std::vector<float>{11, 21, 31, 12, 22, 32}));
}

TEST(AddTest, FusedRelu6) {
  auto out = run({ir::Activation::Relu6}, {3}, {-5, 1, 5}, {3}, {1, 1, 5}, {3});
  EXPECT_EQ(out, (std::vector<float>{0, 2, 6}));
}

} // namespace
} // namespace qgold::interp::kernels
