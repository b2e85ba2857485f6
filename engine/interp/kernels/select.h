#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// TFLite's select.cc, Select (version 1): x and y have the output's shape;
// the condition has it too (elementwise), or is a vector along the first
// dimension or a scalar choosing whole slices (reference_ops::RankOneSelect).
// out[i] = condition[i / inner] ? x[i] : y[i], inner = output size / condition size.
// T is float, int32_t or int64_t.
template <typename T>
void select(const ir::Shape &condition_shape, const bool *condition, const T *x, const T *y,
            const ir::Shape &out_shape, T *out);

// SelectV2: out = condition ? x : y with all three numpy-broadcast to
// out_shape (reference_ops::BroadcastSelect5DSlow).
template <typename T>
void select_v2(const ir::Shape &condition_shape, const bool *condition, const ir::Shape &x_shape,
               const T *x, const ir::Shape &y_shape, const T *y, const ir::Shape &out_shape,
               T *out);

} // namespace qgold::interp::kernels
