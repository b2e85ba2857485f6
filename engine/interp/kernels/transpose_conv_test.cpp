#include "interp/kernels/transpose_conv.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

std::vector<float> run(const TransposeConvParams &params, const ir::Shape &in_shape,
                       const std::vector<float> &input, const ir::Shape &ker_shape,
                       const std::vector<float> &filter, const std::vector<float> *bias,
                       const ir::Shape &out_shape) {
  std::vector<float> output(ir::num_elements(out_shape), -999.0f);
  transpose_conv(params, in_shape, input.data(), ker_shape, filter.data(),
                 bias ? bias->data() : nullptr, out_shape, output.data());
  return output;
}

TEST(TransposeConvTest, StrideTwoValidOverlapsWindows) {
  // 2x2 input a=1,b=2,c=3,d=4, 3x3 ones, stride 2: output (2-1)*2+3 = 5.
  // Output row/col 2 is covered by both input rows/cols.
  TransposeConvParams params;
  params.stride_h = params.stride_w = 2;
  auto out = run(params, {1, 2, 2, 1}, {1, 2, 3, 4}, {1, 3, 3, 1}, std::vector<float>(9, 1.0f),
                 nullptr, {1, 5, 5, 1});
  EXPECT_EQ(out, (std::vector<float>{1, 1, 3,  2, 2,    //
                                     1, 1, 3,  2, 2,    //
                                     4, 4, 10, 6, 6,    // a+c, a+b+c+d, b+d
                                     3, 3, 7,  4, 4,    //
                                     3, 3, 7,  4, 4})); //
}

TEST(TransposeConvTest, StrideTwoSameCropsTopLeft) {
  // Same operands, SAME output 4x4: the forward padding total is
  // (2-1)*2+3-4 = 1, none before, so the result is the VALID one without its
  // last row and column.
  TransposeConvParams params;
  params.padding = ir::Padding::Same;
  params.stride_h = params.stride_w = 2;
  auto out = run(params, {1, 2, 2, 1}, {1, 2, 3, 4}, {1, 3, 3, 1}, std::vector<float>(9, 1.0f),
                 nullptr, {1, 4, 4, 1});
  EXPECT_EQ(out, (std::vector<float>{1, 1, 3, 2,  //
                                     1, 1, 3, 2,  //
                                     4, 4, 10, 6, //
                                     3, 3, 7, 4}));
}

TEST(TransposeConvTest, SameStrideOneScattersUnflippedFilterAroundPixel) {
  // Only the centre input pixel is 1; padding before is 1, so output (y,x)
  // receives w(y,x): the filter appears as is.
  TransposeConvParams params;
  params.padding = ir::Padding::Same;
  auto out = run(params, {1, 3, 3, 1}, {0, 0, 0, 0, 1, 0, 0, 0, 0}, {1, 3, 3, 1},
                 {1, 2, 3, 4, 5, 6, 7, 8, 9}, nullptr, {1, 3, 3, 1});
  EXPECT_EQ(out, (std::vector<float>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
}

TEST(TransposeConvTest, ChannelsBiasAndActivation) {
  // One pixel [1,2]; filter OHWI o0 = [3,4], o1 = [5,6]; bias [1,-20]; ReLU.
  TransposeConvParams params;
  params.activation = ir::Activation::Relu;
  const std::vector<float> bias = {1, -20};
  auto out = run(params, {1, 1, 1, 2}, {1, 2}, {2, 1, 1, 2}, {3, 4, 5, 6}, &bias, {1, 1, 1, 2});
  // o0 = 3+8+1 = 12; o1 = 5+12-20 = -3 -> 0.
  EXPECT_EQ(out, (std::vector<float>{12, 0}));
}

} // namespace
} // namespace qgold::interp::kernels
