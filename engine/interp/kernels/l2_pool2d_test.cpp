#include "interp/kernels/l2_pool2d.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace qgold::interp::kernels {
namespace {

std::vector<float> run(const Pool2DParams &params, const ir::Shape &in_shape,
                       const std::vector<float> &input, const ir::Shape &out_shape) {
  std::vector<float> out(ir::num_elements(out_shape), -999.0f);
  l2_pool2d(params, in_shape, input.data(), out_shape, out.data());
  return out;
}

Pool2DParams window(ir::Padding padding, int32_t size, int32_t stride) {
  Pool2DParams params;
  params.padding = padding;
  params.filter_h = params.filter_w = size;
  params.stride_h = params.stride_w = stride;
  return params;
}

TEST(L2Pool2DTest, ValidTwoByTwoStrideTwo) {
  // Windows {1,-1,1,-1} -> sqrt(4/4) = 1; {3,4,0,0} -> sqrt(25/4) = 2.5;
  // {2,2,2,2} -> 2; {-6,0,8,0} -> sqrt(100/4) = 5.
  const std::vector<float> input = {1,  -1, 3, 4, //
                                    1,  -1, 0, 0, //
                                    2,  2,  -6, 0, //
                                    2,  2,  8, 0};
  EXPECT_EQ(run(window(ir::Padding::Valid, 2, 2), {1, 4, 4, 1}, input, {1, 2, 2, 1}),
            (std::vector<float>{1, 2.5f, 2, 5}));
}

TEST(L2Pool2DTest, SamePaddingCountsOnlyTheValidTaps) {
  // 2x2 stride 2 on 3x1 rows of one column ([1,3,1,1]): windows {3,4} and {12}
  // (the padded tap is not counted): sqrt(25/2) and sqrt(144/1).
  const auto out = run(window(ir::Padding::Same, 2, 2), {1, 3, 1, 1}, {3, 4, 12}, {1, 2, 1, 1});
  EXPECT_FLOAT_EQ(out[0], std::sqrt(12.5f));
  EXPECT_EQ(out[1], 12.0f);
}

TEST(L2Pool2DTest, ChannelsArePooledApart) {
  // One 1x2 window over two pixels with two channels: (3,0),(4,6) ->
  // sqrt((9+16)/2), sqrt(36/2).
  Pool2DParams params = window(ir::Padding::Valid, 1, 1);
  params.filter_w = 2;
  const auto out = run(params, {1, 1, 2, 2}, {3, 0, 4, 6}, {1, 1, 1, 2});
  EXPECT_FLOAT_EQ(out[0], std::sqrt(12.5f));
  EXPECT_FLOAT_EQ(out[1], std::sqrt(18.0f));
}

TEST(L2Pool2DTest, FusedActivationClampsTheRoot) {
  Pool2DParams params = window(ir::Padding::Valid, 2, 2);
  params.activation = ir::Activation::Relu6;
  EXPECT_EQ(run(params, {1, 2, 2, 1}, {8, 8, 8, 8}, {1, 1, 1, 1}), (std::vector<float>{6}));
  params.activation = ir::Activation::ReluN1To1;
  EXPECT_EQ(run(params, {1, 2, 2, 1}, {0.5f, -0.5f, 0.5f, -0.5f}, {1, 1, 1, 1}),
            (std::vector<float>{0.5f}));
}

} // namespace
} // namespace qgold::interp::kernels
