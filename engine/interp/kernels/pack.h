#pragma once

#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels {

// Stacks inputs of one shape along a new output axis `axis` (in [0, rank]
// after negative values are resolved against the output rank), as TFLite's
// pack.cc: per index of the dims before the axis, one run of the trailing
// dims from each input in turn.
template <typename T>
void pack(int32_t axis, const ir::Shape &input_shape, std::span<const T *const> inputs, T *output);

} // namespace qgold::interp::kernels
