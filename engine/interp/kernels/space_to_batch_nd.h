#pragma once

#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels {

// SpaceToBatchND: input [N, S_1..S_M, rest...] zero-padded by `paddings`
// ([M, 2]: before, after) and cut into blocks of block_shape [M]; output
// batch (s * N + n) holds the block position s (row-major over the block
// dims) of input batch n, as TFLite's reference_ops::SpaceToBatchND (3D and
// 4D inputs there; the same arithmetic for any M). The padding holds
// `pad_value`: 0, or TFLite's output zero point for quantized codes.
template <typename T>
void space_to_batch_nd(const ir::Shape &input_shape, const T *input,
                       std::span<const int32_t> block_shape, std::span<const int32_t> paddings,
                       const ir::Shape &output_shape, T *output, T pad_value = T{});

} // namespace qgold::interp::kernels
