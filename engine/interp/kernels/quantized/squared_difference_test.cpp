#include "interp/kernels/quantized/squared_difference.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedSquaredDifference, RescalesBothOperandsThenSquares) {
  // x = 0.5 (q - 10), y = 0.25 q, out 0.1 q; 2 max = 1: x 14 -> 4 << 7 = 512 -> 256, y 4 ->
  // 512 -> 128; 128^2 = 16384 / (2^14 * 0.1) -> 10 (1.0). x 10 -> 0, y 3 -> 384 -> 96;
  // 96^2 = 9216 -> 5.625 -> 6.
  const SquaredDifferenceQuant q =
      squared_difference_quant({0.5f, 10}, {0.25f, 0}, {0.1f, 0}, {0, 255});
  const std::vector<uint8_t> x = {14, 10}, y = {4, 3};
  std::vector<uint8_t> out(2);
  squared_difference(q, {2}, x.data(), {2}, y.data(), {2}, out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{10, 6}));
}

TEST(QuantizedSquaredDifference, Int8BroadcastAndClamp) {
  // All scales 1, out zero point -128: (3 - 1)^2 = 4 -> -124; (20 - 1)^2 = 361 -> 127.
  const SquaredDifferenceQuant q =
      squared_difference_quant({1.0f, 0}, {1.0f, 0}, {1.0f, -128}, {-128, 127});
  const std::vector<int8_t> x = {3, 20}, y = {1};
  std::vector<int8_t> out(2);
  squared_difference(q, {2}, x.data(), {1}, y.data(), {2}, out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{-124, 127}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
