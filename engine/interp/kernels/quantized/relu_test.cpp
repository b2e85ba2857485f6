#include "interp/kernels/quantized/relu.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedRelu, RescalesThenClamps) {
  // x = 0.5 (q - 100) -> out = 0.25 q: 2 -> 8; -5 -> 0; 77.5 -> 255.
  const ReluQuant q = relu_quant({0.5f, 100}, {0.25f, 0}, {0, 255});
  const std::vector<uint8_t> x = {104, 90, 255};
  std::vector<uint8_t> out(3);
  relu(q, 3, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{8, 0, 255}));
}

TEST(QuantizedRelu, Relu6RangeAndInt8ZeroPoint) {
  // out = 0.25 (q + 128): RELU6 codes [-128, -104]; x = 10 -> -88 clamped to -104.
  const ReluQuant q = relu_quant({1.0f, 0}, {0.25f, -128}, {-128, -104});
  const std::vector<int8_t> x = {10, 1, -3};
  std::vector<int8_t> out(3);
  relu(q, 3, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{-104, -124, -128}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
