#include "interp/kernels/quantized/average_pool2d.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

Pool2DParams window_2x2() {
  Pool2DParams params;
  params.filter_h = params.filter_w = 2;
  params.stride_h = params.stride_w = 2;
  return params;
}

TEST(QuantizedAveragePool2D, RoundsHalfAwayFromZero) {
  const Requantization same = requantization({1.0f, 0}, {1.0f, 0}, {-128, 127});
  const std::vector<int8_t> pos = {1, 2, 3, 4}, neg = {-1, -2, -3, -4};
  int8_t out = 0;
  average_pool2d(window_2x2(), same, {-128, 127}, {1, 2, 2, 1}, pos.data(), {1, 1, 1, 1}, &out);
  EXPECT_EQ(out, 3); // 2.5
  average_pool2d(window_2x2(), same, {-128, 127}, {1, 2, 2, 1}, neg.data(), {1, 1, 1, 1}, &out);
  EXPECT_EQ(out, -3); // -2.5
}

TEST(QuantizedAveragePool2D, RequantizesToTheOutputsParameters) {
  // Average code 3 at scale 1 is 3.0; at scale 0.5, zero point 10: 16.
  const Requantization requant = requantization({1.0f, 0}, {0.5f, 10}, {0, 255});
  const std::vector<uint8_t> x = {1, 2, 3, 4};
  uint8_t out = 0;
  average_pool2d(window_2x2(), requant, {0, 255}, {1, 2, 2, 1}, x.data(), {1, 1, 1, 1}, &out);
  EXPECT_EQ(out, 16);
}

TEST(QuantizedAveragePool2D, SamePaddingCountsOnlyTheInput) {
  // 3x3 window SAME on 2x2: every window holds all four codes (sum 10 -> 2.5 -> 3).
  Pool2DParams params;
  params.padding = ir::Padding::Same;
  params.filter_h = params.filter_w = 3;
  const Requantization same = requantization({1.0f, 0}, {1.0f, 0}, {0, 255});
  const std::vector<uint8_t> x = {1, 2, 3, 4};
  std::vector<uint8_t> out(4);
  average_pool2d(params, same, {0, 255}, {1, 2, 2, 1}, x.data(), {1, 2, 2, 1}, out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{3, 3, 3, 3}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
