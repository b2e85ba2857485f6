#include "interp/kernels/quantized/dequantize.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(Dequantize, ScaleTimesOffsetCode) {
  const std::vector<int8_t> x = {3, -128, -1};
  std::vector<float> out(3);
  dequantize<int8_t>({0.5f, -1}, 3, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<float>{2.0f, -63.5f, 0.0f}));
}

TEST(Dequantize, Int16Extremes) {
  const std::vector<int16_t> x = {-32768, 32767};
  std::vector<float> out(2);
  dequantize<int16_t>({1.0f / 32768, 0}, 2, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<float>{-1.0f, 32767.0f / 32768.0f}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
