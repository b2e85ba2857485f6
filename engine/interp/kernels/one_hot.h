#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

struct OneHotParams {
  int32_t depth = 0;
  int32_t axis = -1; // where the depth dim goes; -1: last
};

// OneHot as TFLite's one_hot.cc: the indices seen as [prefix, suffix] split at
// `axis`, the output as [prefix, depth, suffix], and output (i, j, k) =
// on_value when indices (i, k) == j, else off_value. An index outside
// [0, depth) gives a row of off_value. Like TFLite, an int64 index is compared
// after conversion to int32.
template <typename T, typename I>
void one_hot(const OneHotParams &params, const ir::Shape &indices_shape, const I *indices,
             T on_value, T off_value, T *output);

} // namespace qgold::interp::kernels
