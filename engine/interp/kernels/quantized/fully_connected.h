#pragma once

#include "interp/kernels/quantized/weighted.h"
#include "ir/model.h"

namespace qgold::interp::kernels::quantized {

// Integer FullyConnected, shapes as the float kernel (weights [out, depth],
// input read as [numel / depth, depth]): sum = bias[o] + sum over d of
// (x - zx) * (w[o][d] - zw[o]), then weighted_output. TFLite's reference
// FullyConnected (uint8, int8); luci-interpreter's Conv2D arithmetic for
// ONE's per-channel uint8 and int16 weights, which its FullyConnected lacks.
template <typename T, typename B>
void fully_connected(const WeightedQuant &quant, const ir::Shape &input_shape, const T *input,
                     const ir::Shape &weights_shape, const T *weights, const B *bias, T *output);

// The sums alone (taps and bias, before the output stage), in output order.
template <typename T, typename B>
std::vector<int64_t> fully_connected_sums(const WeightedQuant &quant, const ir::Shape &input_shape,
                                          const T *input, const ir::Shape &weights_shape,
                                          const T *weights, const B *bias);

} // namespace qgold::interp::kernels::quantized
