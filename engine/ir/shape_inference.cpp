#include "ir/op_registry.h"
#include "ir/op_view.h"
#include "ir/validate.h"

namespace qgold::ir {

std::vector<Shape> infer_output_shapes(const Model &model, const Operator &op) {
  return op_info(op.code).shape(OpView(model, op));
}

} // namespace qgold::ir
