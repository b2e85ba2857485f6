#include "interp/kernels/reshape.h"

#include <algorithm>

namespace qgold::interp::kernels {

void reshape(const ir::Shape &input_shape, const float *input, float *output) {
  std::copy_n(input, ir::num_elements(input_shape), output);
}

} // namespace qgold::interp::kernels
