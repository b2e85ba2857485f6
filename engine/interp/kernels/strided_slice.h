#pragma once

#include "ir/strided_slice.h"

namespace qgold::interp::kernels {

// StridedSlice over the geometry ir::strided_slice_geometry computed (the
// ellipsis expanded, new axes inserted, every axis clamped), as TFLite's
// reference_ops::StridedSlice: along effective axis d, indices start,
// start + stride, ... while before stop (after it for a negative stride).
// The output is written in row-major order; shrunk axes hold one index.
template <typename T>
void strided_slice(const ir::StridedSliceGeometry &geometry, const T *input, T *output);

} // namespace qgold::interp::kernels
