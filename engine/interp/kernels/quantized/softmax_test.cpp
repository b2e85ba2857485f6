#include "interp/kernels/quantized/softmax.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedSoftmax, Uint8ProbabilitiesPerRow) {
  // Input scale ln 3: codes [1, 0] give probabilities 3/4 and 1/4; rows are independent.
  const auto q = softmax_quant<uint8_t>({std::log(3.0f), 0}, {1.0f / 256, 0}, 1.0f);
  const std::vector<uint8_t> x = {1, 0, 7, 7};
  std::vector<uint8_t> out(4);
  softmax(q, {2, 2}, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{192, 64, 128, 128}));
}

TEST(QuantizedSoftmax, Uint8RoundsByAddingAHalfAndInt8ByRound) {
  // ONE's uint8 scale 1/255: 3/4 -> 191.25 -> 191, 1/4 -> 63.75 -> 64; int8
  // at 1/256, -128: 3/4 -> 64, 1/4 -> -64.
  const auto u8 = softmax_quant<uint8_t>({std::log(3.0f), 0}, {1.0f / 255, 0}, 1.0f);
  const std::vector<uint8_t> x = {5, 4};
  std::vector<uint8_t> out(2);
  softmax(u8, {2}, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{191, 64}));
  const auto i8 = softmax_quant<int8_t>({std::log(3.0f), 0}, {1.0f / 256, -128}, 1.0f);
  const std::vector<int8_t> y = {-3, -4};
  std::vector<int8_t> out8(2);
  softmax(i8, {2}, y.data(), out8.data());
  EXPECT_EQ(out8, (std::vector<int8_t>{64, -64}));
}

TEST(QuantizedSoftmax, BetaScalesTheDifferences) {
  // beta 2 at input scale ln(3) / 2: the same 3/4 and 1/4.
  const auto q = softmax_quant<uint8_t>({std::log(3.0f) / 2, 0}, {1.0f / 256, 0}, 2.0f);
  const std::vector<uint8_t> x = {9, 8};
  std::vector<uint8_t> out(2);
  softmax(q, {2}, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{192, 64}));
}

TEST(QuantizedSoftmax, Int16CloseToTheRealSoftmax) {
  const float scale = 1e-3f;
  const auto q = softmax_quant<int16_t>({scale, 0}, {1.0f / 32768, 0}, 1.0f);
  const std::vector<int16_t> x = {0, 0, 1000, -2000, 3000, 500};
  std::vector<int16_t> out(6);
  softmax(q, {2, 3}, x.data(), out.data());
  for (size_t row = 0; row < 2; ++row) {
    double sum = 0.0;
    for (size_t j = 0; j < 3; ++j)
      sum += std::exp(x[row * 3 + j] * static_cast<double>(scale));
    for (size_t j = 0; j < 3; ++j) {
      const double p = std::exp(x[row * 3 + j] * static_cast<double>(scale)) / sum;
      EXPECT_NEAR(out[row * 3 + j], p * 32767.0, 3.0) << "row " << row << " element " << j;
    }
  }
}

} // namespace
} // namespace qgold::interp::kernels::quantized
