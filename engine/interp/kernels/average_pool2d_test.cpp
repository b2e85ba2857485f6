#include "interp/kernels/average_pool2d.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

std::vector<float> run(const Pool2DParams &params, const ir::Shape &in_shape,
                       const std::vector<float> &input, const ir::Shape &out_shape) {
  std::vector<float> out(ir::num_elements(out_shape), -999.0f);
  average_pool2d(params, in_shape, input.data(), out_shape, out.data());
  return out;
}

std::vector<float> iota_from_one(size_t n) {
  std::vector<float> values(n);
  for (size_t i = 0; i < n; ++i)
    values[i] = static_cast<float>(i + 1);
  return values;
}

Pool2DParams window(ir::Padding padding, int32_t size, int32_t stride) {
  Pool2DParams params;
  params.padding = padding;
  params.filter_h = params.filter_w = size;
  params.stride_h = params.stride_w = stride;
  return params;
}

TEST(AveragePool2DTest, ValidTwoByTwoStrideTwo) {
  auto out = run(window(ir::Padding::Valid, 2, 2), {1, 4, 4, 1}, iota_from_one(16), {1, 2, 2, 1});
  // (1+2+5+6)/4, (3+4+7+8)/4, (9+10+13+14)/4, (11+12+15+16)/4.
  EXPECT_EQ(out, (std::vector<float>{3.5f, 5.5f, 11.5f, 13.5f}));
}

TEST(AveragePool2DTest, SameAveragesValidElementsOnly) {
  // 3x3 window on 1..9: corners average 4 values, edges 6, the centre 9.
  auto out = run(window(ir::Padding::Same, 3, 1), {1, 3, 3, 1}, iota_from_one(9), {1, 3, 3, 1});
  // 12/4, 21/6, 16/4, 27/6, 45/9, 33/6, 24/4, 39/6, 28/4.
  EXPECT_EQ(out, (std::vector<float>{3, 3.5f, 4, 4.5f, 5, 5.5f, 6, 6.5f, 7}));
}

TEST(AveragePool2DTest, SameEvenWindowStrideTwoPadsAfter) {
  // 2x2 stride 2 on 3x3: out 2x2, total padding 1 after the input.
  auto out = run(window(ir::Padding::Same, 2, 2), {1, 3, 3, 1}, iota_from_one(9), {1, 2, 2, 1});
  // (1+2+4+5)/4, (3+6)/2, (7+8)/2, 9/1.
  EXPECT_EQ(out, (std::vector<float>{3, 4.5f, 7.5f, 9}));
}

TEST(AveragePool2DTest, ChannelsAreSeparate) {
  auto out = run(window(ir::Padding::Valid, 2, 1), {1, 2, 2, 2}, {1, -1, 2, -2, 3, -3, 4, -4},
                 {1, 1, 1, 2});
  EXPECT_EQ(out, (std::vector<float>{2.5f, -2.5f}));
}

TEST(AveragePool2DTest, FusedRelu) {
  Pool2DParams params = window(ir::Padding::Valid, 1, 1);
  params.activation = ir::Activation::Relu;
  auto out = run(params, {1, 1, 2, 1}, {-1, 1}, {1, 1, 2, 1});
  EXPECT_EQ(out, (std::vector<float>{0, 1}));
}

} // namespace
} // namespace qgold::interp::kernels
