#pragma once

#include "ir/model.h"

#include <array>

namespace qgold::interp::kernels {

struct BatchMatMulParams {
  bool adj_x = false, adj_y = false; // transpose the last two dims of lhs / rhs
};

// Batched matrix product out[..., m, n] = sum_k lhs[..., m, k] * rhs[..., k, n]
// (lhs [..., K, M] with adj_x, rhs [..., N, K] with adj_y), as TFLite's
// reference BatchMatMul: ranks 2 to 5, batch dims broadcast (a dim of 1 repeats),
// every output accumulated in float from 0 over k = 0, 1, ..., K-1. The output
// shape is the one shape inference gives.
// The batch dims of `shape` (rank 2 to 5) right-aligned into three, missing
// ones 1, and the element stride of each, 0 where the dim is 1 so that it
// repeats against the other operand (the integer kernel walks them too).
struct MatMulBatches {
  std::array<int64_t, 3> dims{1, 1, 1}, strides{0, 0, 0};
};
MatMulBatches matmul_batches(const ir::Shape &shape);

void batch_matmul(const BatchMatMulParams &params, const ir::Shape &lhs_shape, const float *lhs,
                  const ir::Shape &rhs_shape, const float *rhs, const ir::Shape &output_shape,
                  float *output);

} // namespace qgold::interp::kernels
