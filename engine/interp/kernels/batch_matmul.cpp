#include "interp/kernels/batch_matmul.h"

namespace qgold::interp::kernels {

MatMulBatches matmul_batches(const ir::Shape &shape) {
  constexpr size_t kBatchDims = 3; // ranks up to 5: three batch dims at most
  MatMulBatches out;
  const size_t rank = shape.size();
  int64_t stride = int64_t{shape[rank - 2]} * shape[rank - 1];
  for (size_t i = 0; i + 2 < rank; ++i) {
    const size_t dim = rank - 3 - i; // batch dims from the innermost
    const size_t slot = kBatchDims - 1 - i;
    out.dims[slot] = shape[dim];
    out.strides[slot] = shape[dim] == 1 ? 0 : stride;
    stride *= shape[dim];
  }
  return out;
}

void batch_matmul(const BatchMatMulParams &params, const ir::Shape &lhs_shape, const float *lhs,
                  const ir::Shape &rhs_shape, const float *rhs, const ir::Shape &output_shape,
                  float *output) {
  const size_t lr = lhs_shape.size(), rr = rhs_shape.size(), orank = output_shape.size();
  const int64_t m_count = output_shape[orank - 2], n_count = output_shape[orank - 1];
  const int64_t k_count = params.adj_x ? lhs_shape[lr - 2] : lhs_shape[lr - 1];
  // Element strides of lhs along m and k, and of rhs along k and n.
  const int64_t lhs_cols = lhs_shape[lr - 1], rhs_cols = rhs_shape[rr - 1];
  const int64_t lhs_m = params.adj_x ? 1 : lhs_cols, lhs_k = params.adj_x ? lhs_cols : 1;
  const int64_t rhs_k = params.adj_y ? 1 : rhs_cols, rhs_n = params.adj_y ? rhs_cols : 1;

  const MatMulBatches lb = matmul_batches(lhs_shape), rb = matmul_batches(rhs_shape),
                      ob = matmul_batches(output_shape);
  float *out = output;
  for (int64_t b0 = 0; b0 < ob.dims[0]; ++b0)
    for (int64_t b1 = 0; b1 < ob.dims[1]; ++b1)
      for (int64_t b2 = 0; b2 < ob.dims[2]; ++b2) {
        const float *l = lhs + b0 * lb.strides[0] + b1 * lb.strides[1] + b2 * lb.strides[2];
        const float *r = rhs + b0 * rb.strides[0] + b1 * rb.strides[1] + b2 * rb.strides[2];
        for (int64_t m = 0; m < m_count; ++m)
          for (int64_t n = 0; n < n_count; ++n) {
            float total = 0.0f;
            for (int64_t k = 0; k < k_count; ++k)
              total += l[m * lhs_m + k * lhs_k] * r[k * rhs_k + n * rhs_n];
            *out++ = total;
          }
      }
}

} // namespace qgold::interp::kernels
