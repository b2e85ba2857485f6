#pragma once

#include "interp/kernels/instance_norm.h"
#include "interp/kernels/quantized/quant_params.h"

#include <vector>

namespace qgold::interp::kernels::quantized {

// Quantized InstanceNorm (Circle only). Neither TFLite nor luci-interpreter
// has an integer kernel, so qgold computes it in float between the integer
// tensors: input, gamma and beta dequantized as Dequantize does (gamma and
// beta per channel under ONE's channel granularity), the float kernel
// (luci-interpreter's arithmetic, kernels/instance_norm.h), then quantized as
// Quantize does and clamped to `output_range` (the fused activation's).
struct InstanceNormQuant {
  QuantInfo input, output;
  std::vector<QuantInfo> gamma, beta; // one, or one per element
  IntRange output_range;
};

template <typename T>
void instance_norm(const InstanceNormParams &params, const InstanceNormQuant &quant,
                   const ir::Shape &input_shape, const T *input, int64_t gamma_count,
                   const T *gamma, int64_t beta_count, const T *beta, T *output);

} // namespace qgold::interp::kernels::quantized
