#include "interp/kernels/quantized/float_fallback.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

void negate(const ir::Shape &shape, const float *x, float *y) {
  for (int64_t i = 0; i < ir::num_elements(shape); ++i)
    y[i] = -x[i];
}

void identity(const ir::Shape &shape, const float *x, float *y) {
  for (int64_t i = 0; i < ir::num_elements(shape); ++i)
    y[i] = x[i];
}

TEST(QuantizedFloatFallback, UnaryTableDequantizesAppliesAndQuantizes) {
  // in 0.5 (q - 100), out 0.25 (q - 50): 110 -> -5 -> 30; 0 -> 50 -> 250; 255 -> -77.5 -> 0.
  const auto table = unary_table<uint8_t>({0.5f, 100}, {0.25f, 50}, negate);
  ASSERT_EQ(table.size(), 256u);
  const std::vector<uint8_t> x = {110, 0, 255};
  std::vector<uint8_t> out(3);
  apply_unary_table(table, 3, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{30, 250, 0}));
}

TEST(QuantizedFloatFallback, TiesRoundAwayFromZeroAndNaNGivesTheZeroPoint) {
  // int8 1.0 q -> 2.0 (q - 1): 3 -> 1.5 -> 2 -> 3; -3 -> -1.5 -> -2 -> -1.
  const auto table = unary_table<int8_t>({1.0f, 0}, {2.0f, 1}, identity);
  const std::vector<int8_t> x = {3, -3};
  std::vector<int8_t> out(2);
  apply_unary_table(table, 2, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{3, -1}));
  const auto nan =
      unary_table<int8_t>({1.0f, 0}, {1.0f, 7}, [](const ir::Shape &, const float *, float *y) {
        for (int i = 0; i < 256; ++i)
          y[i] = std::nanf("");
      });
  EXPECT_EQ(nan[0], 7);
}

TEST(QuantizedFloatFallback, Int16TableCoversEveryCode) {
  // 1.0 q -> 0.5 q: 20000 -> 40000 -> 32767; -5 -> -10; -32768 -> clamped -32768.
  const auto table = unary_table<int16_t>({1.0f, 0}, {0.5f, 0}, identity);
  ASSERT_EQ(table.size(), 65536u);
  const std::vector<int16_t> x = {20000, -5, -32768};
  std::vector<int16_t> out(3);
  apply_unary_table(table, 3, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<int16_t>{32767, -10, -32768}));
}

TEST(QuantizedFloatFallback, BinaryBroadcastsThroughTheFloatKernel) {
  // x 0.5 (q - 10): 2.0, 0.5; y 1.0 q: 3; x + y: 5, 3.5 -> 4 in 1.0 q.
  const auto add = [](const ir::Shape &xs, const float *x, const ir::Shape &, const float *y,
                      const ir::Shape &, float *out) {
    for (int64_t i = 0; i < ir::num_elements(xs); ++i)
      out[i] = x[i] + y[0];
  };
  const std::vector<uint8_t> x = {14, 11}, y = {3};
  std::vector<uint8_t> out(2);
  binary_via_float<uint8_t>({0.5f, 10}, {2}, x.data(), {1.0f, 0}, {1}, y.data(), {1.0f, 0}, {2},
                            out.data(), add);
  EXPECT_EQ(out, (std::vector<uint8_t>{5, 4}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
