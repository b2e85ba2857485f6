#pragma once

#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels {

// Sum over `axes` (negative counts from the end; repeats count once), as
// TFLite's Sum (ReduceGeneric with kSum): each output accumulates from 0 in the
// element type, visiting its input elements in row-major input order (float
// results depend on it). Integers wrap around on overflow. keep_dims only
// changes the declared shape. T is float, int32_t or int64_t.
template <typename T>
void sum(const ir::Shape &input_shape, const T *input, std::span<const int32_t> axes, T *output);

} // namespace qgold::interp::kernels
