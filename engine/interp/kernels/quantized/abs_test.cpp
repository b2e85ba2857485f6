#include "interp/kernels/quantized/abs.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedAbs, EqualScalesAddTheOutputZeroPoint) {
  // |q - 5| - 128 in int8: -128 -> 133 - 128 = 5; 5 -> -128; 127 -> -6.
  const AbsQuant q = abs_quant({0.1f, 5}, {0.1f, -128}, {-128, 127});
  const std::vector<int8_t> x = {-128, 5, 127};
  std::vector<int8_t> out(3);
  abs(q, 3, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{5, -128, -6}));
}

TEST(QuantizedAbs, OtherScalesRescale) {
  // M = 0.5: |q - 100| / 2: 95 -> 2.5 -> 3 (ties up); 101 -> 0.5 -> 1; 0 -> 50; plus 10.
  const AbsQuant q = abs_quant({0.5f, 100}, {1.0f, 10}, {0, 255});
  const std::vector<uint8_t> x = {95, 101, 0};
  std::vector<uint8_t> out(3);
  abs(q, 3, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{13, 11, 60}));
}

TEST(QuantizedAbs, Int16ClampsToTheType) {
  // M = 2: |-20000| * 2 = 40000 -> 32767.
  const AbsQuant q = abs_quant({0.002f, 0}, {0.001f, 0}, {-32768, 32767});
  const std::vector<int16_t> x = {-20000, 7};
  std::vector<int16_t> out(2);
  abs(q, 2, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<int16_t>{32767, 14}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
