#include "interp/kernels/quantized/max_pool2d.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedMaxPool2D, LargestCodePerWindowAndChannel) {
  Pool2DParams params;
  params.filter_h = params.filter_w = 2;
  const Requantization same = requantization({1.0f, 0}, {1.0f, 0}, {-32768, 32767});
  // 2x2 input, 2 channels: c0 = [5, -7, 300, 2], c1 = [-1, -2, -3, -4].
  const std::vector<int16_t> x = {5, -1, -7, -2, 300, -3, 2, -4};
  std::vector<int16_t> out(2);
  max_pool2d(params, same, {-32767, 32767}, {1, 2, 2, 2}, x.data(), {1, 1, 1, 2}, out.data());
  EXPECT_EQ(out, (std::vector<int16_t>{300, -1}));
}

TEST(QuantizedMaxPool2D, RequantizesAndClampsTheActivation) {
  // max 200 at 0.1 (q - 100) = 10.0; output 0.05 (q - 0) = 200; RELU6 caps at 120.
  Pool2DParams params;
  params.filter_h = params.filter_w = 2;
  const Requantization requant = requantization({0.1f, 100}, {0.05f, 0}, {0, 255});
  const std::vector<uint8_t> x = {150, 200, 0, 90};
  uint8_t out = 0;
  max_pool2d(params, requant, {0, 120}, {1, 2, 2, 1}, x.data(), {1, 1, 1, 1}, &out);
  EXPECT_EQ(out, 120);
  max_pool2d(params, requant, {0, 255}, {1, 2, 2, 1}, x.data(), {1, 1, 1, 1}, &out);
  EXPECT_EQ(out, 200);
}

} // namespace
} // namespace qgold::interp::kernels::quantized
