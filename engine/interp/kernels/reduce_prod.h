#pragma once

#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels {

// Product over `axes` (negative counts from the end; repeats count once), as
// TFLite's ReduceProd (reference ReduceGeneric with kProd): each output starts
// at 1 and multiplies in its input elements in row-major input order. An empty
// reduction gives 1; integers wrap around on overflow. T is float, int32_t or
// int64_t.
template <typename T>
void reduce_prod(const ir::Shape &input_shape, const T *input, std::span<const int32_t> axes,
                 T *output);

} // namespace qgold::interp::kernels
