#include "interp/kernels/quantized/cast.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedCast, BoolToQuantizedStoresTheCodesOfZeroAndOne) {
  // uint8 1/255, zero point 0: true -> 255; int16 1/32767: true -> 32767.
  const bool in[3] = {true, false, true};
  std::vector<uint8_t> out8(3);
  cast({ir::DType::Bool, ir::DType::UInt8, std::nullopt, QuantInfo{1.0f / 255.0f, 0}}, 3, in,
       out8.data());
  EXPECT_EQ(out8, (std::vector<uint8_t>{255, 0, 255}));
  std::vector<int16_t> out16(3);
  cast({ir::DType::Bool, ir::DType::Int16, std::nullopt, QuantInfo{1.0f / 32767.0f, 0}}, 3, in,
       out16.data());
  EXPECT_EQ(out16, (std::vector<int16_t>{32767, 0, 32767}));
}

TEST(QuantizedCast, BetweenQuantizedTypesTheRealNumberIsKept) {
  // int8 0.5 (q + 3) -> uint8 0.25 (q - 100): -3 -> 100; 1 -> 2.0 -> 108;
  // -128 -> -62.5 -> -250 -> clamped 0; ties of v / s round away from zero.
  const int8_t in[3] = {-3, 1, -128};
  std::vector<uint8_t> out(3);
  cast({ir::DType::Int8, ir::DType::UInt8, QuantInfo{0.5f, -3}, QuantInfo{0.25f, 100}}, 3, in,
       out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{100, 108, 0}));
}

TEST(QuantizedCast, QuantizedToPlainTypes) {
  // uint8 0.5 (q - 10) -> float and int32 (truncated): 15 -> 2.5 / 2; 4 -> -3.
  const uint8_t in[2] = {15, 4};
  std::vector<float> f(2);
  cast({ir::DType::UInt8, ir::DType::Float32, QuantInfo{0.5f, 10}, std::nullopt}, 2, in, f.data());
  EXPECT_EQ(f, (std::vector<float>{2.5f, -3.0f}));
  std::vector<int32_t> i(2);
  cast({ir::DType::UInt8, ir::DType::Int32, QuantInfo{0.5f, 10}, std::nullopt}, 2, in, i.data());
  EXPECT_EQ(i, (std::vector<int32_t>{2, -3}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
