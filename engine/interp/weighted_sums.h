#pragma once

// The integer sums of a quantized weighted op before its output stage, for
// checking another runtime's requantization of the same sums
// (tools/tflite_oracle: XNNPACK rounds them differently from TFLite's reference).

#include "ir/model.h"

#include <cstdint>
#include <span>
#include <vector>

namespace qgold::interp {

// Operator `op_index` of `model` (Conv2D, DepthwiseConv2D, TransposeConv or
// FullyConnected on uint8, int8 or int16 codes) fed `input` (the activation's
// codes, little-endian): for every output element in order, the sum of
// (x - z_x)(w - z_w[c]) over its taps plus its bias, as the integer kernels
// compute it. InputError/UnsupportedError as when binding the op.
std::vector<int64_t> weighted_sums(const ir::Model &model, int32_t op_index,
                                   std::span<const uint8_t> input);

} // namespace qgold::interp
