#pragma once

#include "ir/model.h"

#include <cstdint>

namespace qgold::interp::kernels {

// The walk of TFLite's ArgMinMax (reference/arg_min_max.h), shared by ArgMax
// and ArgMin: for every position outside `axis`, the index along `axis` of the
// element that wins `better(candidate, best)`, scanning from index 0 and
// replacing only on a strict win, so ties keep the first index. `axis` is in
// [0, rank) and its dimension is not empty (shape inference checks both).
template <typename T, typename Index, typename Better>
void arg_min_max(const ir::Shape &input_shape, const T *input, int32_t axis, Better better,
                 Index *output) {
  int64_t outer = 1, inner = 1;
  for (int32_t d = 0; d < axis; ++d)
    outer *= input_shape[d];
  for (size_t d = static_cast<size_t>(axis) + 1; d < input_shape.size(); ++d)
    inner *= input_shape[d];
  const int64_t depth = input_shape[axis];
  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t i = 0; i < inner; ++i) {
      const T *column = input + o * depth * inner + i;
      T best = column[0];
      Index best_index = 0;
      for (int64_t k = 1; k < depth; ++k) {
        if (better(column[k * inner], best)) {
          best = column[k * inner];
          best_index = static_cast<Index>(k);
        }
      }
      output[o * inner + i] = best_index;
    }
  }
}

} // namespace qgold::interp::kernels
