#include "interp/kernels/quantized/batch_matmul.h"

#include <type_traits>

namespace qgold::interp::kernels::quantized {

BatchMatMulQuant batch_matmul_quant(const QuantInfo &lhs, const QuantInfo &rhs,
                                    const QuantInfo &output, IntRange output_range) {
  const double real = static_cast<double>(lhs.scale) * static_cast<double>(rhs.scale) /
                      static_cast<double>(output.scale);
  return {lhs.zero_point, rhs.zero_point, quantize_multiplier(real), output.zero_point,
          output_range};
}

template <typename T>
void batch_matmul(const BatchMatMulQuant &q, const BatchMatMulParams &params,
                  const ir::Shape &lhs_shape, const T *lhs, const ir::Shape &rhs_shape,
                  const T *rhs, const ir::Shape &output_shape, T *output) {
  using Accum = std::conditional_t<sizeof(T) == 1, int32_t, int64_t>;
  const size_t lr = lhs_shape.size(), rr = rhs_shape.size(), orank = output_shape.size();
  const int64_t m_count = output_shape[orank - 2], n_count = output_shape[orank - 1];
  const int64_t k_count = params.adj_x ? lhs_shape[lr - 2] : lhs_shape[lr - 1];
  // Element strides of lhs along m and k, and of rhs along k and n.
  const int64_t lhs_cols = lhs_shape[lr - 1], rhs_cols = rhs_shape[rr - 1];
  const int64_t lhs_m = params.adj_x ? 1 : lhs_cols, lhs_k = params.adj_x ? lhs_cols : 1;
  const int64_t rhs_k = params.adj_y ? 1 : rhs_cols, rhs_n = params.adj_y ? rhs_cols : 1;

  const MatMulBatches lb = matmul_batches(lhs_shape), rb = matmul_batches(rhs_shape),
                      ob = matmul_batches(output_shape);
  T *out = output;
  for (int64_t b0 = 0; b0 < ob.dims[0]; ++b0)
    for (int64_t b1 = 0; b1 < ob.dims[1]; ++b1)
      for (int64_t b2 = 0; b2 < ob.dims[2]; ++b2) {
        const T *l = lhs + b0 * lb.strides[0] + b1 * lb.strides[1] + b2 * lb.strides[2];
        const T *r = rhs + b0 * rb.strides[0] + b1 * rb.strides[1] + b2 * rb.strides[2];
        for (int64_t m = 0; m < m_count; ++m)
          for (int64_t n = 0; n < n_count; ++n) {
            Accum total = 0;
            for (int64_t k = 0; k < k_count; ++k)
              total += static_cast<Accum>(l[m * lhs_m + k * lhs_k] - q.lhs_zero_point) *
                       (r[k * rhs_k + n * rhs_n] - q.rhs_zero_point);
            *out++ = static_cast<T>(
                q.output_range.clamp(q.output_zero_point + multiply(total, q.output)));
          }
      }
}

template void batch_matmul(const BatchMatMulQuant &, const BatchMatMulParams &, const ir::Shape &,
                           const uint8_t *, const ir::Shape &, const uint8_t *, const ir::Shape &,
                           uint8_t *);
template void batch_matmul(const BatchMatMulQuant &, const BatchMatMulParams &, const ir::Shape &,
                           const int8_t *, const ir::Shape &, const int8_t *, const ir::Shape &,
                           int8_t *);
template void batch_matmul(const BatchMatMulQuant &, const BatchMatMulParams &, const ir::Shape &,
                           const int16_t *, const ir::Shape &, const int16_t *, const ir::Shape &,
                           int16_t *);

} // namespace qgold::interp::kernels::quantized
