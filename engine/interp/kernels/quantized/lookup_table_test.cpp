#include "interp/kernels/quantized/lookup_table.h"

#include <gtest/gtest.h>

namespace qgold::interp::kernels::quantized {
namespace {

float identity(float x) { return x; }
float square(float x) { return x * x; }

TEST(LookupTable, DequantizesTransformsAndRequantizes) {
  // x = 0.5 (q - 10); y = x; code = round(y / 0.25) + 3.
  const LookupTable table = lookup_table<uint8_t>({0.5f, 10}, {0.25f, 3}, identity);
  EXPECT_EQ(table[14], 11);  // x = 2 -> 8 + 3
  EXPECT_EQ(table[10], 3);   // x = 0
  EXPECT_EQ(table[9], 1);    // x = -0.5 -> -2 + 3
  EXPECT_EQ(table[0], 0);    // x = -5 -> -17: clamped
  EXPECT_EQ(table[255], 255); // clamped
}

TEST(LookupTable, SignedCodesIndexByTheirByte) {
  // x = 0.1 q, y = x^2, code = round(y / 0.01) - 128.
  const LookupTable table = lookup_table<int8_t>({0.1f, 0}, {0.01f, -128}, square);
  EXPECT_EQ(table[static_cast<uint8_t>(int8_t{-3})], -119); // 0.09 -> 9
  EXPECT_EQ(table[3], -119);
  EXPECT_EQ(table[static_cast<uint8_t>(int8_t{-128})], 127); // 163.84 -> clamped
  const int8_t input[] = {-3, 0, 5};
  int8_t output[3];
  apply_lookup_table(table, 3, input, output);
  EXPECT_EQ(output[0], -119);
  EXPECT_EQ(output[1], -128);
  EXPECT_EQ(output[2], -103);
}

TEST(LookupTable, CheckedLog2) {
  int log2 = 0;
  EXPECT_TRUE(checked_log2(1.0f / 4096, &log2));
  EXPECT_EQ(log2, -12);
  EXPECT_FALSE(checked_log2(0.3f, &log2));
}

TEST(LookupTable, Int16InputScaling) {
  int32_t multiplier = -1;
  int shift = -1;
  // 2^-12: a power of two whose shift 12 - 12 = 0 is allowed: multiplier 0.
  int16_input_scaling(1.0f / 4096, 0, &multiplier, &shift);
  EXPECT_EQ(multiplier, 0);
  EXPECT_EQ(shift, 0);
  // 2^-11 gives shift 1: allowed for Tanh (max 1), not for Logistic (max 0):
  // 2^-11 * 3 * 4096 = 6 is doubled 12 times (6 * 4096 = 24576 > 16383.5).
  int16_input_scaling(1.0f / 2048, 1, &multiplier, &shift);
  EXPECT_EQ(multiplier, 0);
  EXPECT_EQ(shift, 1);
  int16_input_scaling(1.0f / 2048, 0, &multiplier, &shift);
  EXPECT_EQ(multiplier, 24576);
  EXPECT_EQ(shift, 12);
  // float(1e-4) * 12288 = 1.2288..., doubled 14 times: 20132.66 -> 20132.
  int16_input_scaling(1e-4f, 0, &multiplier, &shift);
  EXPECT_EQ(shift, 14);
  EXPECT_EQ(multiplier, 20132);
}

} // namespace
} // namespace qgold::interp::kernels::quantized
