#include "interp/kernels/quantized/logistic.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedLogistic, Uint8TableOfTheSigmoid) {
  const LogisticQuant q = logistic_quant<uint8_t>({0.1f, 128}, {1.0f / 256, 0});
  // 0 -> 128; 1 -> 0.731 * 256 = 187.15; 12.7 -> 256 clamped; -12.8 -> 0.
  const std::vector<uint8_t> x = {128, 138, 255, 0};
  std::vector<uint8_t> out(4);
  logistic(q, 4, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{128, 187, 255, 0}));
}

TEST(QuantizedLogistic, Int8OutputZeroPoint) {
  const LogisticQuant q = logistic_quant<int8_t>({0.1f, 0}, {1.0f / 256, -128});
  const std::vector<int8_t> x = {0, -10};
  std::vector<int8_t> out(2);
  logistic(q, 2, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{0, -59})); // 0.2689 * 256 = 68.8 -> 69
}

// int16: within one code of the sigmoid, exact at 0, over the whole input range.
void expect_close_to_sigmoid(float input_scale) {
  const LogisticQuant q = logistic_quant<int16_t>({input_scale, 0}, {1.0f / 32768, 0});
  std::vector<int16_t> x;
  for (int32_t v = -32767; v <= 32767; v += 97)
    x.push_back(static_cast<int16_t>(v));
  x.push_back(0);
  std::vector<int16_t> out(x.size());
  logistic(q, static_cast<int64_t>(x.size()), x.data(), out.data());
  for (size_t i = 0; i < x.size(); ++i) {
    const double real = 1.0 / (1.0 + std::exp(-static_cast<double>(x[i]) * input_scale));
    EXPECT_NEAR(out[i], std::min(real * 32768.0, 32767.0), 1.5) << "x = " << x[i];
  }
  EXPECT_EQ(out.back(), 16384);
}

TEST(QuantizedLogistic, Int16PowerOfTwoScale) { expect_close_to_sigmoid(1.0f / 4096); }
TEST(QuantizedLogistic, Int16GeneralScale) { expect_close_to_sigmoid(3.1e-4f); }

} // namespace
} // namespace qgold::interp::kernels::quantized
