#pragma once

#include "ir/model.h"

#include <cstdint>

namespace qgold::interp::kernels {

struct LocalResponseNormalizationParams {
  int32_t radius = 5; // >= 0
  float bias = 1.0f, alpha = 1.0f, beta = 0.5f;
};

// Local response normalization across the last dimension (channels of NHWC):
// out_c = x_c * (bias + sum_{|j-c| <= radius} alpha * x_j^2)^-beta.
//
// It follows TFLite's optimized float kernel, the one TFLite registers (and
// ONE's interpreter calls), not reference_ops: the reference sums the window
// [c - radius, c + radius) and leaves out c + radius, the optimized kernel and
// TensorFlow's op sum [c - radius, c + radius]. The arithmetic is that
// kernel's: each square is x*x*alpha, the window sum slides along the channels
// (the first 2*radius terms added from 0, then per channel the new last term
// added, the sum read, the first term subtracted), and beta 1 and 0.5 take
// 1/d and 1/sqrt(d) instead of pow(d, -beta).
void local_response_normalization(const LocalResponseNormalizationParams &params,
                                  const ir::Shape &shape, const float *input, float *output);

} // namespace qgold::interp::kernels
