// Shape rules of reductions over axes.
#include "ir/op_view.h"
#include "ir/shape_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace qgold::ir {

// Inputs: input, axes (a scalar or a vector; repeats count once).
Shape reduce_shape(const OpView &view) {
  const auto &opts = view.options<ReducerOptions>();
  const Shape &in = view.shape(0);
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
  return out;
}

} // namespace qgold::ir
