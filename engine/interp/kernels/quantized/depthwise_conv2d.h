#pragma once

#include "interp/kernels/depthwise_conv2d.h"
#include "interp/kernels/quantized/weighted.h"

namespace qgold::interp::kernels::quantized {

// Integer DepthwiseConv2D, shapes as the float kernel (filter [1,KH,KW,C*M]).
// Output channel oc = ic * M + m: sum = bias[oc] + sum over the taps inside the
// input of (x[ic] - zx) * (w[oc] - zw[oc]), then weighted_output. TFLite's
// reference DepthwiseConv (uint8) and DepthwiseConvPerChannel (int8);
// luci-interpreter's per-channel uint8 and int16 kernels.
template <typename T, typename B>
void depthwise_conv2d(const DepthwiseConv2DParams &params, const WeightedQuant &quant,
                      const ir::Shape &input_shape, const T *input, const ir::Shape &filter_shape,
                      const T *filter, const B *bias, const ir::Shape &output_shape, T *output);

// The sums alone (taps and bias, before the output stage), in output order.
template <typename T, typename B>
std::vector<int64_t> depthwise_conv2d_sums(const DepthwiseConv2DParams &params,
                                           const WeightedQuant &quant, const ir::Shape &input_shape,
                                           const T *input, const ir::Shape &filter_shape,
                                           const T *filter, const B *bias,
                                           const ir::Shape &output_shape);

} // namespace qgold::interp::kernels::quantized
