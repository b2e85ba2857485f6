#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

// Reshape keeps the row-major element order: a copy of all the input's elements.
void reshape(const ir::Shape &input_shape, const float *input, float *output);

} // namespace qgold::interp::kernels
