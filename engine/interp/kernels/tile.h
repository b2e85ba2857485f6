#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// Repeats the input along every dim (output dim d = input dim d * multiples[d],
// given as `output_shape`): output index i along d reads input index
// i mod input dim, as TFLite's tile.cc.
template <typename T>
void tile(const ir::Shape &input_shape, const T *input, const ir::Shape &output_shape, T *output);

} // namespace qgold::interp::kernels
