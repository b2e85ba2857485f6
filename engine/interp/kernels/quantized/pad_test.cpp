#include "interp/kernels/quantized/pad.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedPad, PadsWithTheZeroPoint) {
  const std::vector<uint8_t> x = {7, 9};
  const std::vector<int32_t> paddings = {1, 2};
  std::vector<uint8_t> out(5);
  pad(requantization({1.0f, 5}, {1.0f, 5}, {0, 255}), 5, {2}, x.data(), paddings, {5}, out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{5, 7, 9, 5, 5}));
}

TEST(QuantizedPad, OutputParametersRequantizeCodesAndPadding) {
  // [1, 1] padded to [2, 2] (one column before, one row after). Input 1.0
  // (q - 5) -> output 0.5 (q + 0): 7 -> 4, padding (real 0) -> 0.
  const std::vector<int8_t> x = {7};
  const std::vector<int32_t> paddings = {0, 1, 1, 0};
  std::vector<int8_t> out(4);
  pad(requantization({1.0f, 5}, {0.5f, 0}, {-128, 127}), 5, {1, 1}, x.data(), paddings, {2, 2},
      out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{0, 4, 0, 0}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
