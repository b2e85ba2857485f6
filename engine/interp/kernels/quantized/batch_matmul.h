#pragma once

#include "interp/kernels/batch_matmul.h"
#include "interp/kernels/quantized/fixed_point.h"
#include "interp/kernels/quantized/quant_params.h"
#include "ir/model.h"

namespace qgold::interp::kernels::quantized {

// Quantized BatchMatMul, TFLite's reference integer BatchMatMul
// (batch_matmul.cc EvalInt8Int8 / EvalInt16, reference_ops::BatchMatMul<T,
// AccumT>): per output, S = sum_k (x - z_x)(y - z_y), in int32 for 8-bit
// codes and int64 for int16, then z_out + M(S) with M = s_x * s_y / s_out
// (the scales multiplied in double, GetQuantizedConvolutionMultipler), the
// int16 rescale being the int64 MultiplyByQuantizedMultiplier; clamped to the
// dtype. adj_x, adj_y and the broadcast batch dims as the float kernel.
// TFLite takes int8 and int16 (zero points 0); luci-interpreter has a float
// kernel only, so ONE's uint8 BatchMatMul gets the same arithmetic.
struct BatchMatMulQuant {
  int32_t lhs_zero_point = 0, rhs_zero_point = 0;
  Multiplier output;
  int32_t output_zero_point = 0;
  IntRange output_range;
};

BatchMatMulQuant batch_matmul_quant(const QuantInfo &lhs, const QuantInfo &rhs,
                                    const QuantInfo &output, IntRange output_range);

template <typename T>
void batch_matmul(const BatchMatMulQuant &quant, const BatchMatMulParams &params,
                  const ir::Shape &lhs_shape, const T *lhs, const ir::Shape &rhs_shape,
                  const T *rhs, const ir::Shape &output_shape, T *output);

} // namespace qgold::interp::kernels::quantized
