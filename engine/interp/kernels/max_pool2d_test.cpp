#include "interp/kernels/max_pool2d.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

std::vector<float> run(const Pool2DParams &params, const ir::Shape &in_shape,
                       const std::vector<float> &input, const ir::Shape &out_shape) {
  std::vector<float> out(ir::num_elements(out_shape), -999.0f);
  max_pool2d(params, in_shape, input.data(), out_shape, out.data());
  return out;
}

Pool2DParams window(ir::Padding padding, int32_t size, int32_t stride) {
  Pool2DParams params;
  params.padding = padding;
  params.filter_h = params.filter_w = size;
  params.stride_h = params.stride_w = stride;
  return params;
}

TEST(MaxPool2DTest, ValidTwoByTwoStrideTwo) {
  const std::vector<float> input = {1,  9,  2, 3, //
                                    4,  5,  8, 7, //
                                    -1, -2, 0, 6, //
                                    -3, -4, 5, 4};
  auto out = run(window(ir::Padding::Valid, 2, 2), {1, 4, 4, 1}, input, {1, 2, 2, 1});
  EXPECT_EQ(out, (std::vector<float>{9, 8, -1, 6}));
}

TEST(MaxPool2DTest, SamePaddingIsNotZero) {
  // All inputs negative: a padded zero would win if padding were read.
  auto out = run(window(ir::Padding::Same, 3, 1), {1, 2, 2, 1}, {-1, -2, -3, -4}, {1, 2, 2, 1});
  EXPECT_EQ(out, (std::vector<float>{-1, -1, -1, -1}));
}

TEST(MaxPool2DTest, SameEvenWindowStrideTwo) {
  // 2x2 stride 2 on 3x3 (1..9): windows {1,2,4,5}, {3,6}, {7,8}, {9}.
  auto out =
      run(window(ir::Padding::Same, 2, 2), {1, 3, 3, 1}, {1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 2, 1});
  EXPECT_EQ(out, (std::vector<float>{5, 6, 8, 9}));
}

TEST(MaxPool2DTest, FusedRelu6PerChannel) {
  Pool2DParams params = window(ir::Padding::Valid, 2, 1);
  params.activation = ir::Activation::Relu6;
  auto out = run(params, {1, 1, 2, 2}, {-5, 3, -7, 9}, {1, 1, 1, 2});
  EXPECT_EQ(out, (std::vector<float>{0, 6}));
}

} // namespace
} // namespace qgold::interp::kernels
