#pragma once

#include "ir/ops.h"

#include <cstdint>

namespace qgold::interp::kernels {

// Output size of a convolution/pool window along one axis, as TFLite's
// ComputeOutSize: SAME = ceil(in / stride), VALID = ceil((in - effective_filter + 1) / stride)
// where effective_filter = (filter - 1) * dilation + 1. Strides and dilations are >= 1.
int32_t conv_output_size(ir::Padding padding, int32_t in_size, int32_t filter_size, int32_t stride,
                         int32_t dilation);

// Padding added before the first input element along one axis, as TFLite's
// ComputePaddingWithOffset: half (rounded down) of the total padding that
// `out_size` windows need; the odd extra element goes after the last input
// element, which the kernels get by skipping out-of-range taps.
int32_t conv_padding_before(int32_t stride, int32_t dilation, int32_t in_size, int32_t filter_size,
                            int32_t out_size);

} // namespace qgold::interp::kernels
