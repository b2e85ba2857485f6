#include "interp/kernels/quantized/quant_params.h"

#include <gtest/gtest.h>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantParams, StorageRanges) {
  EXPECT_EQ(storage_range(ir::DType::UInt8).min, 0);
  EXPECT_EQ(storage_range(ir::DType::UInt8).max, 255);
  EXPECT_EQ(storage_range(ir::DType::Int8).min, -128);
  EXPECT_EQ(storage_range(ir::DType::Int16).min, -32767); // ONE's symmetric int16
  EXPECT_EQ(full_range(ir::DType::Int16).min, -32768);
}

TEST(QuantParams, ActivationRangeQuantizesTheBounds) {
  const QuantInfo out{0.05f, 10};
  const IntRange u8 = storage_range(ir::DType::UInt8);
  // RELU: zero point upwards; RELU6: 10 + 6 / 0.05 = 130; RELU_N1_TO_1: 10 -+ 20.
  EXPECT_EQ(activation_range(ir::Activation::Relu, out, u8).min, 10);
  EXPECT_EQ(activation_range(ir::Activation::Relu, out, u8).max, 255);
  EXPECT_EQ(activation_range(ir::Activation::Relu6, out, u8).max, 130);
  EXPECT_EQ(activation_range(ir::Activation::ReluN1To1, out, u8).min, 0); // -10 clamped
  EXPECT_EQ(activation_range(ir::Activation::ReluN1To1, out, u8).max, 30);
  EXPECT_EQ(activation_range(ir::Activation::None, out, u8).min, 0);
  // A bound beyond the dtype keeps the dtype's limit.
  EXPECT_EQ(activation_range(ir::Activation::Relu6, {0.01f, -128}, storage_range(ir::DType::Int8)).max,
            127);
}

TEST(QuantParams, ClampHoldsValuesInRange) {
  const IntRange range{-3, 4};
  EXPECT_EQ(range.clamp(-9), -3);
  EXPECT_EQ(range.clamp(2), 2);
  EXPECT_EQ(range.clamp(9), 4);
}

} // namespace
} // namespace qgold::interp::kernels::quantized
