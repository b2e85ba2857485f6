#pragma once

#include "interp/kernels/quantized/quant_params.h"
#include "ir/model.h"

#include <optional>

namespace qgold::interp::kernels::quantized {

// Cast with a quantized side (ONE quantizes a Cast's float output, e.g. the
// 0/1 mask Cast makes of a comparison). TFLite's and luci-interpreter's Cast
// convert the stored values and ignore scale and zero point, so a mask
// 1 would read as one step of the output's scale. qgold casts the real
// numbers instead: each element's value (a quantized input dequantized,
// float(s * (q - z))), quantized to a quantized output as the Quantize kernel
// does (round(v / s) + z, clamped to the dtype) or converted to a plain one
// as the float Cast does.
struct CastQuant {
  ir::DType from = ir::DType::Float32, to = ir::DType::Float32;
  std::optional<QuantInfo> input, output; // set for a quantized side
};

void cast(const CastQuant &quant, int64_t count, const void *input, void *output);

} // namespace qgold::interp::kernels::quantized
