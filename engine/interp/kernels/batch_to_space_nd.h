#pragma once

#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels {

// BatchToSpaceND, the inverse of SpaceToBatchND: input batch (s * N + n) is
// block position s (row-major over the block dims) of output batch n; the
// assembled spatial dims are cropped by `crops` ([M, 2]: before, after), as
// TFLite's reference_ops::BatchToSpaceND (3D and 4D inputs there; the same
// arithmetic for any M).
template <typename T>
void batch_to_space_nd(const ir::Shape &input_shape, const T *input,
                       std::span<const int32_t> block_shape, std::span<const int32_t> crops,
                       const ir::Shape &output_shape, T *output);

} // namespace qgold::interp::kernels
