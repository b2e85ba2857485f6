// Shape rules of reductions over axes.
#include "ir/op_view.h"
#include "ir/shape_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace qgold::ir {

// Inputs: input, axes (a scalar or a vector; repeats count once). TFLite's
// reduce kernels take INT32 axes only.
Shape reduce_shape(const OpView &view) {
  const auto &opts = view.options<ReducerOptions>();
  const Shape &in = view.shape(0);
  if (view.input(1).dtype != DType::Int32)
    view.fail(fmt::format("axes '{}' must be INT32, got {}", view.input(1).name,
                          dtype_name(view.input(1).dtype)),
              view.input_index(1));
  std::vector<bool> reduced(in.size(), false);
  for (int32_t axis : view.int32_constant(1, "axes"))
    reduced[static_cast<size_t>(view.axis(axis, in.size(), 1))] = true;
  Shape out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (!reduced[i])
      out.push_back(in[i]);
    else if (opts.keep_dims)
      out.push_back(1);
  }
  return out;
}

// Inputs: input, axis (one value). The axis is removed.
Shape arg_shape(const OpView &view) {
  const auto &opts = view.options<ArgOptions>();
  if (opts.output_type != DType::Int32 && opts.output_type != DType::Int64)
    view.fail(fmt::format("output_type must be INT32 or INT64, got {}", dtype_name(opts.output_type)));
  Shape out = view.shape(0);
  if (out.empty())
    view.fail(fmt::format("input '{}' must have rank >= 1", view.input(0).name), view.input_index(0));
  const int32_t axis = view.axis(view.scalar_constant(1, "axis"), out.size(), 1);
  out.erase(out.begin() + axis);
  // TFLite would read past the data: there is no first element to start from.
  if (view.shape(0)[static_cast<size_t>(axis)] == 0 && num_elements(out) > 0)
    view.fail(fmt::format("input '{}' {} is empty along axis {}: no index to return",
                          view.input(0).name, shape_to_string(view.shape(0)), axis),
              view.input_index(0));
  return out;
}

} // namespace qgold::ir
