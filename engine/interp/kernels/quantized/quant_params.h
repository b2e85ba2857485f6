#pragma once

// What the integer kernels know of a quantized tensor, and the integer range
// an output is clamped to.

#include "ir/model.h"

#include <cstdint>
#include <vector>

namespace qgold::interp::kernels::quantized {

// One tensor's (or one channel's) real = scale * (code - zero_point).
struct QuantInfo {
  float scale = 1.0f;
  int32_t zero_point = 0;
};

struct IntRange {
  int32_t min = 0, max = 0;
  int32_t clamp(int32_t value) const { return value < min ? min : (value > max ? max : value); }
};

// The codes a quantized activation of `dtype` may hold: uint8 [0, 255], int8
// [-128, 127] (TFLite), int16 [-32767, 32767] (ONE's symmetric scheme and
// luci-interpreter never produce -32768).
IntRange storage_range(ir::DType dtype);

// Every value of the dtype (int16 [-32768, 32767]): the clamp of kernels that
// use the type's limits rather than an activation range (PRelu, requantize).
IntRange full_range(ir::DType dtype);

// The output range of a fused activation, as TFLite's
// CalculateActivationRangeQuantized (and luci-interpreter's):
// zero_point + round(bound / scale) for the bounds of RELU (0), RELU6 (0, 6)
// and RELU_N1_TO_1 (-1, 1), each division and rounding in float, intersected
// with `storage`. NONE gives `storage`.
IntRange activation_range(ir::Activation activation, const QuantInfo &output, IntRange storage);

} // namespace qgold::interp::kernels::quantized
