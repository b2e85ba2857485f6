#include "interp/kernels/average_pool2d.h"

#include "interp/kernels/pool_window.h"

namespace qgold::interp::kernels {
namespace {

// The sum from 0 of the valid taps in window order, divided by their count.
struct Average {
  float sum = 0.0f;
  int32_t count = 0;

  void add(float value) {
    sum += value;
    ++count;
  }
  float result() const { return count > 0 ? sum / static_cast<float>(count) : 0.0f; }
};

} // namespace

void average_pool2d(const Pool2DParams &params, const ir::Shape &input_shape, const float *input,
                    const ir::Shape &output_shape, float *output) {
  pool2d<Average>(params, input_shape, input, output_shape, output);
}

} // namespace qgold::interp::kernels
