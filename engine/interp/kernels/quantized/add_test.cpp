#include "interp/kernels/quantized/add.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

std::vector<uint8_t> add_u8(const AddQuant &q, std::vector<uint8_t> x, std::vector<uint8_t> y) {
  std::vector<uint8_t> out(x.size());
  add(q, {static_cast<int32_t>(x.size())}, x.data(), {static_cast<int32_t>(y.size())}, y.data(),
      {static_cast<int32_t>(out.size())}, out.data());
  return out;
}

TEST(QuantizedAdd, MultipliersFromTheScales) {
  const AddQuant q = add_quant({0.25f, 0}, {0.5f, 0}, {1.0f, 0}, 20, {0, 255});
  // 2 max = 1: inputs 0.25 and 0.5, output 1 / 2^20.
  EXPECT_EQ(q.input1, quantize_multiplier(0.25));
  EXPECT_EQ(q.input2, quantize_multiplier(0.5));
  EXPECT_EQ(q.output, quantize_multiplier(1.0 / (1 << 20)));
}

TEST(QuantizedAdd, Uint8RealSumRoundedHalfAwayFromZero) {
  const AddQuant q = add_quant({0.5f, 128}, {0.5f, 128}, {1.0f, 128}, 20, {0, 255});
  // 1 + 2 = 3; 0.5 -> 1; -0.5 -> -1 (ties away from zero); 2 + 0 = 2.
  EXPECT_EQ(add_u8(q, {130, 129, 127, 132}, {132, 128, 128, 128}),
            (std::vector<uint8_t>{131, 129, 127, 130}));
}

TEST(QuantizedAdd, BroadcastsAndClampsToTheActivationRange) {
  const AddQuant q = add_quant({1.0f, 0}, {1.0f, 0}, {1.0f, 0}, 20, {0, 6}); // RELU6 at scale 1
  const std::vector<uint8_t> x = {1, 2, 5, 9};
  const std::vector<uint8_t> y = {1};
  std::vector<uint8_t> out(4);
  add(q, {2, 2}, x.data(), {1}, y.data(), {2, 2}, out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{2, 3, 6, 6}));
}

TEST(QuantizedAdd, Int16UsesLeftShiftTwelve) {
  // 1000 * 0.001 + 500 * 0.002 = 2.0 = 500 * 0.004.
  EXPECT_EQ(add_left_shift(ir::DType::Int16), 12);
  EXPECT_EQ(add_left_shift(ir::DType::UInt8), 20);
  const AddQuant q = add_quant({0.001f, 0}, {0.002f, 0}, {0.004f, 0}, 12, {-32767, 32767});
  const std::vector<int16_t> x = {1000, -32767}, y = {500, -32767};
  std::vector<int16_t> out(2);
  add(q, {2}, x.data(), {2}, y.data(), {2}, out.data());
  EXPECT_EQ(out, (std::vector<int16_t>{500, -24575})); // -98.301 / 0.004 = -24575.25
}

} // namespace
} // namespace qgold::interp::kernels::quantized
