#include "interp/kernels/instance_norm.h"

#include "interp/kernels/activation.h"
#include "interp/kernels/shape.h"

#include <cmath>

namespace qgold::interp::kernels {

void instance_norm(const InstanceNormParams &params, const ir::Shape &input_shape,
                   const float *input, int64_t gamma_count, const float *gamma, int64_t beta_count,
                   const float *beta, float *output) {
  const Nhwc dims = nhwc(input_shape);
  const double size = static_cast<double>(dims.h) * dims.w;
  for (int32_t b = 0; b < dims.n; ++b) {
    for (int32_t c = 0; c < dims.c; ++c) {
      double sum = 0.0, square_sum = 0.0;
      for (int32_t y = 0; y < dims.h; ++y) {
        for (int32_t x = 0; x < dims.w; ++x) {
          const double value = input[offset(dims, b, y, x, c)];
          sum += value;
          square_sum += value * value;
        }
      }
      const double mean = sum / size;
      const double variance = square_sum / size - mean * mean;
      const double scale = (gamma_count == 1 ? gamma[0] : gamma[c]) /
                           std::sqrt(variance + static_cast<double>(params.epsilon));
      const double shift = -mean * scale + (beta_count == 1 ? beta[0] : beta[c]);
      for (int32_t y = 0; y < dims.h; ++y) {
        for (int32_t x = 0; x < dims.w; ++x) {
          const int64_t i = offset(dims, b, y, x, c);
          const double normalized = input[i] * scale + shift;
          output[i] = activate(params.activation, static_cast<float>(normalized));
        }
      }
    }
  }
}

} // namespace qgold::interp::kernels
