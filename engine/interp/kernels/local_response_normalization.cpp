#include "interp/kernels/local_response_normalization.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace qgold::interp::kernels {

void local_response_normalization(const LocalResponseNormalizationParams &params,
                                  const ir::Shape &shape, const float *input, float *output) {
  const int64_t depth = shape.back();
  const int64_t rows = depth == 0 ? 0 : ir::num_elements(shape) / depth;
  const int64_t radius = params.radius;
  // TFLite pads the squares with 2*radius zeros; adding or subtracting a zero
  // changes no float sum, so only the real terms are visited.
  std::vector<float> squares(static_cast<size_t>(depth));
  for (int64_t r = 0; r < rows; ++r) {
    const float *x = input + r * depth;
    float *y = output + r * depth;
    for (int64_t c = 0; c < depth; ++c)
      squares[c] = x[c] * x[c] * params.alpha;
    // TFLite's padded buffer holds squares[i - radius] at i, so channel c sums
    // padded[c .. c + 2*radius]: before channel 0 it adds padded[0 .. 2*radius),
    // of which the real terms are squares[0 .. radius).
    float window = 0.0f;
    for (int64_t j = 0; j < std::min(radius, depth); ++j)
      window += squares[j];
    for (int64_t c = 0; c < depth; ++c) {
      if (c + radius < depth)
        window += squares[c + radius]; // padded[c + 2*radius]
      y[c] = params.bias + window;
      if (c >= radius)
        window -= squares[c - radius]; // padded[c]
    }
    for (int64_t c = 0; c < depth; ++c) {
      if (params.beta == 1.0f)
        y[c] = x[c] * (1.0f / y[c]);
      else if (params.beta == 0.5f)
        y[c] = x[c] * (1.0f / std::sqrt(y[c]));
      else
        y[c] = x[c] * std::pow(y[c], -params.beta);
    }
  }
}

} // namespace qgold::interp::kernels
