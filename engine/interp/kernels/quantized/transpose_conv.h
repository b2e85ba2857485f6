#pragma once

#include "interp/kernels/quantized/weighted.h"
#include "interp/kernels/transpose_conv.h"

namespace qgold::interp::kernels::quantized {

// Integer TransposeConv, shapes and padding as the float kernel. Every input
// element scatters (x - zx) * (w - zw[oc]) into an int64 sum per output
// element, then sum + bias[oc] goes through weighted_output: TFLite's
// reference TransposeConv (uint8, scratch buffer then bias) and its int8
// per-channel kernel; luci-interpreter's per-channel uint8 and int16 ones.
template <typename T, typename B>
void transpose_conv(const TransposeConvParams &params, const WeightedQuant &quant,
                    const ir::Shape &input_shape, const T *input, const ir::Shape &filter_shape,
                    const T *filter, const B *bias, const ir::Shape &output_shape, T *output);

// The sums alone (taps and bias, before the output stage), in output order.
template <typename T, typename B>
std::vector<int64_t> transpose_conv_sums(const TransposeConvParams &params,
                                         const WeightedQuant &quant, const ir::Shape &input_shape,
                                         const T *input, const ir::Shape &filter_shape,
                                         const T *filter, const B *bias,
                                         const ir::Shape &output_shape);

} // namespace qgold::interp::kernels::quantized
