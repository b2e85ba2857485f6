#include "interp/kernels/quantized/tanh.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedTanh, Uint8TableOfTanh) {
  // ONE's uint8 Tanh output: scale 2/256, zero point 128.
  const TanhQuant q = tanh_quant<uint8_t>({0.05f, 100}, {2.0f / 256, 128});
  // 0 -> 128; 0.5 -> 0.4621 * 128 = 59.15 -> 187; -5 -> -127.94 -> 0; 7.75 -> 255.
  const std::vector<uint8_t> x = {100, 110, 0, 255};
  std::vector<uint8_t> out(4);
  tanh(q, 4, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{128, 187, 0, 255}));
}

void expect_close_to_tanh(float input_scale) {
  const TanhQuant q = tanh_quant<int16_t>({input_scale, 0}, {1.0f / 32768, 0});
  std::vector<int16_t> x;
  for (int32_t v = -32767; v <= 32767; v += 89)
    x.push_back(static_cast<int16_t>(v));
  x.push_back(0);
  std::vector<int16_t> out(x.size());
  tanh(q, static_cast<int64_t>(x.size()), x.data(), out.data());
  for (size_t i = 0; i < x.size(); ++i) {
    const double real = std::tanh(static_cast<double>(x[i]) * input_scale) * 32768.0;
    EXPECT_NEAR(out[i], std::min(std::max(real, -32768.0), 32767.0), 2.5) << "x = " << x[i];
  }
  EXPECT_EQ(out.back(), 0);
}

TEST(QuantizedTanh, Int16PowerOfTwoScales) {
  expect_close_to_tanh(1.0f / 4096); // left shift 0
  expect_close_to_tanh(1.0f / 2048); // left shift 1
}
TEST(QuantizedTanh, Int16GeneralScale) { expect_close_to_tanh(2.7e-4f); }

} // namespace
} // namespace qgold::interp::kernels::quantized
