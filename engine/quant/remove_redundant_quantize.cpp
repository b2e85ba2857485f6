// Steps 3 and 13: a Quantize reading another Quantize reads the first one's
// input instead, and a Quantize that changes neither dtype nor the single
// scale/zero point is dropped.

#include "quant/graph_edit.h"
#include "quant/quantize_passes.h"

namespace qgold::quant {
namespace {

bool same_single_qparams(const ir::Tensor &a, const ir::Tensor &b) {
  return a.dtype == b.dtype && a.quant && b.quant && a.quant->scale.size() == 1 && b.quant->scale.size() == 1 &&
         a.quant->zero_point.size() == 1 && b.quant->zero_point.size() == 1 &&
         a.quant->scale == b.quant->scale && a.quant->zero_point == b.quant->zero_point;
}

bool simplify_once(ir::Model &model) {
  for (size_t i = 0; i < model.operators.size(); ++i) {
    ir::Operator &op = model.operators[i];
    if (op.code != ir::OpCode::Quantize)
      continue;
    const int32_t input = op.inputs[0];
    const int32_t producer = model.producer(input);
    if (producer >= 0 && model.operators[producer].code == ir::OpCode::Quantize) {
      op.inputs[0] = model.operators[producer].inputs[0];
      return true;
    }
    const int32_t output = op.outputs[0];
    if (same_single_qparams(model.tensors[input], model.tensors[output]) && !model.is_graph_input(output)) {
      replace_uses(model, output, input, static_cast<int32_t>(i), true);
      model.operators.erase(model.operators.begin() + static_cast<std::ptrdiff_t>(i));
      return true;
    }
  }
  return false;
}

} // namespace

void remove_redundant_quantize(ir::Model &model) {
  while (simplify_once(model)) {
  }
  remove_dead_code(model);
}

} // namespace qgold::quant
