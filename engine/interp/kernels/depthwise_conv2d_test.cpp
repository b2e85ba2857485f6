#include "interp/kernels/depthwise_conv2d.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

std::vector<float> run(const DepthwiseConv2DParams &params, const ir::Shape &in_shape,
                       const std::vector<float> &input, const ir::Shape &ker_shape,
                       const std::vector<float> &filter, const std::vector<float> *bias,
                       const ir::Shape &out_shape) {
  std::vector<float> output(ir::num_elements(out_shape), -999.0f);
  depthwise_conv2d(params, in_shape, input.data(), ker_shape, filter.data(),
                   bias ? bias->data() : nullptr, out_shape, output.data());
  return output;
}

TEST(DepthwiseConv2DTest, DepthMultiplierTwoOrdersOutputsByInputChannel) {
  // 2x2 input, channel 0 = 1,2,3,4 and channel 1 = 5,6,7,8 (interleaved NHWC).
  const std::vector<float> input = {1, 5, 2, 6, 3, 7, 4, 8};
  // Per tap (ky,kx) the four output channels (c0m0, c0m1, c1m0, c1m1).
  const std::vector<float> filter = {
      1, 2, 1, 1,  // (0,0)
      1, 2, 0, -1, // (0,1)
      1, 2, 0, 0,  // (1,0)
      1, 2, 1, 0,  // (1,1)
  };
  const std::vector<float> bias = {0.5f, 0, 0, 1};
  auto out = run({}, {1, 2, 2, 2}, input, {1, 2, 2, 4}, filter, &bias, {1, 1, 1, 4});
  // oc0 = 1+2+3+4 + 0.5; oc1 = 2*(1+2+3+4); oc2 = 5+8; oc3 = 5-6 + 1.
  EXPECT_EQ(out, (std::vector<float>{10.5f, 20, 13, 0}));
}

TEST(DepthwiseConv2DTest, SameStrideTwoPadsOneBefore) {
  // 3x3 input 1..9, 3x3 ones, stride 2: out 2x2, total padding 2, one before.
  DepthwiseConv2DParams params;
  params.padding = ir::Padding::Same;
  params.stride_h = params.stride_w = 2;
  auto out = run(params, {1, 3, 3, 1}, {1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 3, 3, 1},
                 std::vector<float>(9, 1.0f), nullptr, {1, 2, 2, 1});
  // Windows centred on (0,0), (0,2), (2,0), (2,2).
  EXPECT_EQ(out, (std::vector<float>{12, 16, 24, 28}));
}

TEST(DepthwiseConv2DTest, DilationTwoValid) {
  // 5x5 input in(y,x) = 5y+x+1; taps at +0 and +2 weighted [1,2;3,4]:
  // out(y,x) = 10*in(y,x) + 82.
  std::vector<float> input(25);
  for (int i = 0; i < 25; ++i)
    input[i] = static_cast<float>(i + 1);
  DepthwiseConv2DParams params;
  params.dilation_h = params.dilation_w = 2;
  auto out = run(params, {1, 5, 5, 1}, input, {1, 2, 2, 1}, {1, 2, 3, 4}, nullptr, {1, 3, 3, 1});
  EXPECT_EQ(out, (std::vector<float>{92, 102, 112, 142, 152, 162, 192, 202, 212}));
}

TEST(DepthwiseConv2DTest, ChannelsDoNotMix) {
  // Multiplier 1, two channels, 1x1 filter [2, -1].
  auto out = run({}, {1, 1, 2, 2}, {1, 10, 2, 20}, {1, 1, 1, 2}, {2, -1}, nullptr, {1, 1, 2, 2});
  EXPECT_EQ(out, (std::vector<float>{2, -10, 4, -20}));
}

TEST(DepthwiseConv2DTest, FusedReluN1To1) {
  DepthwiseConv2DParams params;
  params.activation = ir::Activation::ReluN1To1;
  auto out =
      run(params, {1, 1, 1, 3}, {-3, 0.5f, 3}, {1, 1, 1, 3}, {1, 1, 1}, nullptr, {1, 1, 1, 3});
  EXPECT_EQ(out, (std::vector<float>{-1, 0.5f, 1}));
}

} // namespace
} // namespace qgold::interp::kernels
