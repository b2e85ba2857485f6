#include "interp/kernels/split.h"

#include <algorithm>

namespace qgold::interp::kernels {

void split(int32_t axis, const ir::Shape &input_shape, const float *input,
           std::span<float *const> outputs) {
  const auto rank = static_cast<int32_t>(input_shape.size());
  if (axis < 0)
    axis += rank;
  int64_t outer = 1, inner = 1;
  for (int32_t d = 0; d < axis; ++d)
    outer *= input_shape[d];
  for (int32_t d = axis + 1; d < rank; ++d)
    inner *= input_shape[d];
  // Per outer index, part p is a contiguous run of (axis / parts) * inner values.
  const int64_t run = input_shape[axis] / static_cast<int64_t>(outputs.size()) * inner;

  const float *src = input;
  for (int64_t o = 0; o < outer; ++o) {
    for (float *part : outputs) {
      std::copy_n(src, run, part + o * run);
      src += run;
    }
  }
}

} // namespace qgold::interp::kernels
