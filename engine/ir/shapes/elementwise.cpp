// Shape rules of elementwise ops.
#include "ir/op_view.h"
#include "ir/shape_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace qgold::ir {

Shape same_shape(const OpView &view) { return view.shape(0); }

Shape broadcast_shape(const OpView &view) { return view.broadcast({0, 1}); }

Shape prelu_shape(const OpView &view) {
  Shape out = view.broadcast({0, 1});
  if (out != view.shape(0))
    view.fail(fmt::format("alpha '{}' {} must broadcast to the input shape {}",
                          view.input(1).name, shape_to_string(view.shape(1)),
                          shape_to_string(view.shape(0))),
              view.input_index(1));
  return out;
}

// TFLite's Select (version 1): t and e alike; the condition has their shape,
// is a vector selecting along their first dim, or is a scalar.
Shape select_shape(const OpView &view) {
  const Shape &condition = view.shape(0), &t = view.shape(1), &e = view.shape(2);
  if (t != e)
    view.fail(fmt::format("'{}' {} and '{}' {} must have the same shape", view.input(1).name,
                          shape_to_string(t), view.input(2).name, shape_to_string(e)),
              view.input_index(2));
  const bool rank1 = condition.size() == 1 && !t.empty() && condition[0] == t[0];
  if (condition != t && !rank1 && !condition.empty())
    view.fail(fmt::format("condition '{}' {} must have the shape {}, be [{}] or be a scalar",
                          view.input(0).name, shape_to_string(condition), shape_to_string(t),
                          t.empty() ? 1 : t[0]),
              view.input_index(0));
  return t;
}

Shape select_v2_shape(const OpView &view) { return view.broadcast({0, 1, 2}); }

std::vector<Shape> declared_shapes(const OpView &view) { return view.declared_output_shapes(); }

Shape last_axis_shape(const OpView &view) {
  if (view.shape(0).empty())
    view.fail(fmt::format("input '{}' must have rank >= 1: the op works along the last axis",
                          view.input(0).name),
              view.input_index(0));
  return view.shape(0);
}

// TFLite's L2_NORMALIZATION: rank 1 to 4 and no fused activation (its kernels
// apply none, so Prepare refuses one).
Shape l2_normalize_shape(const OpView &view) {
  const size_t rank = view.shape(0).size();
  if (rank < 1 || rank > 4)
    view.fail(fmt::format("input '{}' must have rank 1 to 4, got {}", view.input(0).name, rank),
              view.input_index(0));
  if (view.options<ElementwiseOptions>().activation != Activation::None)
    view.fail("a fused activation is not supported (TFLite's kernel refuses it)");
  return view.shape(0);
}

// TFLite's LOCAL_RESPONSE_NORMALIZATION: NHWC input, a window radius >= 0.
Shape local_response_norm_shape(const OpView &view) {
  view.expect_rank(0, 4, "input");
  const int32_t radius = view.options<LocalResponseNormalizationOptions>().radius;
  if (radius < 0)
    view.fail(fmt::format("radius must be >= 0, got {}", radius));
  return view.shape(0);
}

} // namespace qgold::ir
