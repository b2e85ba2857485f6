#pragma once

#include "ir/model.h"

#include <cstdint>

namespace qgold::interp::kernels {

// The index of the smallest element along `axis` (in [0, rank)), as TFLite's
// ArgMin: the first one wins a tie, and a NaN never wins (it is not less than
// anything), unless it is the first element. T is float, int32_t, int64_t
// or quantized codes (TFLite compares uint8/int8 codes); Index (the output_type) int32_t or int64_t.
template <typename T, typename Index>
void arg_min(const ir::Shape &input_shape, const T *input, int32_t axis, Index *output);

} // namespace qgold::interp::kernels
