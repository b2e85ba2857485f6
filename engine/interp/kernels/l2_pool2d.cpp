#include "interp/kernels/l2_pool2d.h"

#include "interp/kernels/pool_window.h"

#include <cmath>

namespace qgold::interp::kernels {
namespace {

struct RootMeanSquare {
  float sum_squares = 0.0f;
  int32_t count = 0;

  void add(float value) {
    sum_squares += value * value;
    ++count;
  }
  float result() const { return std::sqrt(sum_squares / static_cast<float>(count)); }
};

} // namespace

void l2_pool2d(const Pool2DParams &params, const ir::Shape &input_shape, const float *input,
               const ir::Shape &output_shape, float *output) {
  pool2d<RootMeanSquare>(params, input_shape, input, output_shape, output);
}

} // namespace qgold::interp::kernels
