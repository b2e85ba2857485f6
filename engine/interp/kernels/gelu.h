#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

struct GeluParams {
  bool approximate = false;
};

// TFLite reference_ops::Gelu in float:
//   exact:       0.5 * x * erfc(-x / sqrt(2))   (erfc instead of 1 + erf(x / sqrt(2)),
//                                               which cancels for large negative x)
//   approximate: 0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))
// evaluated left to right, with x^3 as x * x * x and sqrt(2 / pi) rounded once to float.
void gelu(const GeluParams &params, const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels
