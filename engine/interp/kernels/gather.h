#pragma once

#include "ir/model.h"

#include <optional>

namespace qgold::interp::kernels {

struct GatherParams {
  int32_t axis = 0;       // negative counts from the end of the params' rank
  int32_t batch_dims = 0; // negative counts from the end of the indices' rank
};

// An index outside [0, axis size): TFLite's Gather fails the inference.
struct BadGatherIndex {
  int64_t position; // flat position in the indices
  int64_t value;
};

// Output = params[:axis] + indices[batch_dims:] + params[axis+1:], as TFLite's
// gather.cc and reference_ops::Gather: for each batch (the first batch_dims
// dims, shared by params and indices), each outer position and each index,
// one run of the inner dims is copied. Returns the first index out of range
// (the output is then incomplete).
template <typename T, typename I>
std::optional<BadGatherIndex> gather(const GatherParams &params, const ir::Shape &params_shape,
                                     const T *input, const ir::Shape &indices_shape,
                                     const I *indices, T *output);

} // namespace qgold::interp::kernels
