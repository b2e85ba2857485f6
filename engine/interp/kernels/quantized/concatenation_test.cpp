#include "interp/kernels/quantized/concatenation.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedConcatenation, CopiesMatchingInputsAndRescalesOthers) {
  // Output 1.0 (q - 0). Input a shares it; b is 0.5 (q - 10): [12, 30] -> [1, 10].
  const std::vector<uint8_t> a = {7, 8}, b = {12, 30};
  const std::vector<QuantInfo> quant = {{1.0f, 0}, {0.5f, 10}};
  const std::vector<ir::Shape> shapes = {{1, 2}, {1, 2}};
  const std::vector<const uint8_t *> inputs = {a.data(), b.data()};
  std::vector<uint8_t> out(4);
  concatenation<uint8_t>(1, quant, {1.0f, 0}, {0, 255}, shapes, inputs, {1, 4}, out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{7, 8, 1, 10}));
}

TEST(QuantizedConcatenation, InterleavesAlongAnInnerAxisAndClamps) {
  // Axis -1 of [2, 1] and [2, 1]; b at 2.0 (q + 0) doubles: 100 -> 200 clamped to 127.
  const std::vector<int8_t> a = {1, 2}, b = {3, 100};
  const std::vector<QuantInfo> quant = {{1.0f, 0}, {2.0f, 0}};
  const std::vector<ir::Shape> shapes = {{2, 1}, {2, 1}};
  const std::vector<const int8_t *> inputs = {a.data(), b.data()};
  std::vector<int8_t> out(4);
  concatenation<int8_t>(-1, quant, {1.0f, 0}, {-128, 127}, shapes, inputs, {2, 2}, out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{1, 6, 2, 127}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
