#include "interp/kernels/max_pool2d.h"

#include "interp/kernels/pool_window.h"

#include <algorithm>
#include <limits>

namespace qgold::interp::kernels {
namespace {

// TFLite's running maximum: from the lowest float, folded with std::max.
struct Maximum {
  float maximum = std::numeric_limits<float>::lowest();

  void add(float value) { maximum = std::max(maximum, value); }
  float result() const { return maximum; }
};

} // namespace

void max_pool2d(const Pool2DParams &params, const ir::Shape &input_shape, const float *input,
                const ir::Shape &output_shape, float *output) {
  pool2d<Maximum>(params, input_shape, input, output_shape, output);
}

} // namespace qgold::interp::kernels
