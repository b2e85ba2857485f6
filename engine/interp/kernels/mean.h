#pragma once

#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels {

// Mean over `axes` (negative counts from the end; repeats count once). The
// output holds the kept dimensions in order (keep_dims only changes the
// declared shape). Summation order, which recorded min/max depend on: each
// output accumulates in float from 0, visiting its input elements in
// row-major input order (for axes (1,2) of NHWC: h outer, w inner), then the
// sum is divided by the float element count. This is the order of both
// TFLite reference Mean paths (the 4-D axes-(1,2) one and ReduceSumImpl).
void mean(const ir::Shape &input_shape, const float *input, std::span<const int32_t> axes,
          float *output);

// The distinct axes of `axes` mapped into [0, rank), in first-seen order;
// an axis outside [-rank, rank) is skipped (the caller rejects it first).
std::vector<int32_t> resolve_axes(std::span<const int32_t> axes, size_t rank);

} // namespace qgold::interp::kernels
