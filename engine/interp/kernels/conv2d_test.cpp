#include "interp/kernels/conv2d.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

using ir::Padding;

// Values 1..n in row-major order.
std::vector<float> iota_from_one(size_t n) {
  std::vector<float> values(n);
  for (size_t i = 0; i < n; ++i)
    values[i] = static_cast<float>(i + 1);
  return values;
}

std::vector<float> run(const Conv2DParams &params, const ir::Shape &in_shape,
                       const std::vector<float> &input, const ir::Shape &ker_shape,
                       const std::vector<float> &filter, const std::vector<float> *bias,
                       const ir::Shape &out_shape) {
  std::vector<float> output(ir::num_elements(out_shape), -999.0f);
  conv2d(params, in_shape, input.data(), ker_shape, filter.data(), bias ? bias->data() : nullptr,
         out_shape, output.data());
  return output;
}

TEST(Conv2DTest, ValidWithBias) {
  // 3x3 input 1..9, 2x2 filter [1,2;3,4], bias 10.
  const std::vector<float> bias = {10.0f};
  auto out =
      run({}, {1, 3, 3, 1}, iota_from_one(9), {1, 2, 2, 1}, {1, 2, 3, 4}, &bias, {1, 2, 2, 1});
  // (0,0): 1*1+2*2+4*3+5*4 = 37; (0,1): 2+6+15+24 = 47; (1,0): 67; (1,1): 77.
  EXPECT_EQ(out, (std::vector<float>{47, 57, 77, 87}));
}

TEST(Conv2DTest, SumsOverInputChannelsPerOutputChannel) {
  // One pixel [1,2]; filter o0 = [3,4], o1 = [5,6].
  auto out = run({}, {1, 1, 1, 2}, {1, 2}, {2, 1, 1, 2}, {3, 4, 5, 6}, nullptr, {1, 1, 1, 2});
  EXPECT_EQ(out, (std::vector<float>{11, 17}));
}

TEST(Conv2DTest, SameOddKernelSumsNeighbourhood) {
  Conv2DParams params;
  params.padding = Padding::Same;
  auto out = run(params, {1, 3, 3, 1}, iota_from_one(9), {1, 3, 3, 1}, std::vector<float>(9, 1.0f),
                 nullptr, {1, 3, 3, 1});
  EXPECT_EQ(out, (std::vector<float>{12, 21, 16, 27, 45, 33, 24, 39, 28}));
}

TEST(Conv2DTest, SameEvenKernelPadsAfterOnly) {
  // 2x2 ones on 3x3: total padding 1 goes after, so window (y,x) covers y..y+1, x..x+1.
  Conv2DParams params;
  params.padding = Padding::Same;
  auto out = run(params, {1, 3, 3, 1}, iota_from_one(9), {1, 2, 2, 1}, std::vector<float>(4, 1.0f),
                 nullptr, {1, 3, 3, 1});
  EXPECT_EQ(out, (std::vector<float>{12, 16, 9, 24, 28, 15, 15, 17, 9}));
}

TEST(Conv2DTest, SameStrideTwo) {
  // 4x4 input 1..16, 3x3 ones, stride 2: out 2x2, total padding 1 (after).
  Conv2DParams params;
  params.padding = Padding::Same;
  params.stride_h = params.stride_w = 2;
  auto out = run(params, {1, 4, 4, 1}, iota_from_one(16), {1, 3, 3, 1}, std::vector<float>(9, 1.0f),
                 nullptr, {1, 2, 2, 1});
  // (0,0): rows 0-2 cols 0-2 = 6+18+30; (0,1): cols 2-3 = 7+15+23;
  // (1,0): rows 2-3 = 30+42; (1,1): 11+12+15+16.
  EXPECT_EQ(out, (std::vector<float>{54, 45, 72, 54}));
}

TEST(Conv2DTest, ValidDilationTwo) {
  // 5x5 input in(y,x) = 5y+x+1, filter [1,2;3,4] dilated by 2 (taps at +0 and +2):
  // out(y,x) = 10*in(y,x) + 2*2 + 3*10 + 4*12 = 10*(5y+x+1) + 82.
  Conv2DParams params;
  params.dilation_h = params.dilation_w = 2;
  auto out = run(params, {1, 5, 5, 1}, iota_from_one(25), {1, 2, 2, 1}, {1, 2, 3, 4}, nullptr,
                 {1, 3, 3, 1});
  EXPECT_EQ(out, (std::vector<float>{92, 102, 112, 142, 152, 162, 192, 202, 212}));
}

TEST(Conv2DTest, SameDilationTwoSkipsPaddedTaps) {
  // 3x3 input 1..9, 2x2 ones dilated to 3x3: padding 1 before, taps at offsets -1 and +1.
  Conv2DParams params;
  params.padding = Padding::Same;
  params.dilation_h = params.dilation_w = 2;
  auto out = run(params, {1, 3, 3, 1}, iota_from_one(9), {1, 2, 2, 1}, std::vector<float>(4, 1.0f),
                 nullptr, {1, 3, 3, 1});
  // Centre: corners 1+3+7+9; edges: two taps (e.g. (0,1): 4+6); corners: only the centre 5.
  EXPECT_EQ(out, (std::vector<float>{5, 10, 5, 10, 20, 10, 5, 10, 5}));
}

TEST(Conv2DTest, FusedRelu6ClampsAfterBias) {
  Conv2DParams params;
  params.activation = ir::Activation::Relu6;
  const std::vector<float> bias = {-50.0f};
  auto out =
      run(params, {1, 3, 3, 1}, iota_from_one(9), {1, 2, 2, 1}, {1, 2, 3, 4}, &bias, {1, 2, 2, 1});
  // Pre-activation: -13, -3, 17, 27.
  EXPECT_EQ(out, (std::vector<float>{0, 0, 6, 6}));
}

TEST(Conv2DTest, BatchesAreIndependent) {
  auto out = run({}, {2, 1, 1, 1}, {2, -3}, {1, 1, 1, 1}, {4}, nullptr, {2, 1, 1, 1});
  EXPECT_EQ(out, (std::vector<float>{8, -12}));
}

} // namespace
} // namespace qgold::interp::kernels
