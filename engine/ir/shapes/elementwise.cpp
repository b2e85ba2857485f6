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

} // namespace qgold::ir
