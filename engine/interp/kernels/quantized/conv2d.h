#pragma once

#include "interp/kernels/conv2d.h"
#include "interp/kernels/quantized/weighted.h"

namespace qgold::interp::kernels::quantized {

// Integer Conv2D, shapes as the float kernel (OHWI filter). Per output
// element: sum = bias[o] + sum over the taps inside the input (ky, kx, ic) of
// (x - zx) * (w - zw[o]), then weighted_output. This is TFLite's reference
// Conv (uint8, per-layer filter) and ConvPerChannel (int8), and
// luci-interpreter's Conv2D for per-channel uint8 and int16 filters (int64
// bias). T: uint8_t, int8_t, int16_t; B: int32_t, or int64_t for int16.
// params.activation is ignored: quant.output_range holds it.
template <typename T, typename B>
void conv2d(const Conv2DParams &params, const WeightedQuant &quant, const ir::Shape &input_shape,
            const T *input, const ir::Shape &filter_shape, const T *filter, const B *bias,
            const ir::Shape &output_shape, T *output);

// The sums alone (taps and bias, before the output stage), in output order.
template <typename T, typename B>
std::vector<int64_t> conv2d_sums(const Conv2DParams &params, const WeightedQuant &quant,
                                 const ir::Shape &input_shape, const T *input,
                                 const ir::Shape &filter_shape, const T *filter, const B *bias,
                                 const ir::Shape &output_shape);

} // namespace qgold::interp::kernels::quantized
