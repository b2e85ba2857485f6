// Step 7: ops that only move values (the registry's FromInput ops: Reshape,
// Split) give their outputs the input's scale, zero point and quantized
// dimension, repeated to a fixed point. MaxPool2D is deliberately not among
// them (ONE's default).

#include "ir/op_registry.h"
#include "quant/quantize_passes.h"

namespace qgold::quant {
namespace {

int moved_input(ir::OpCode code) {
  const ir::QuantTraits &traits = ir::op_info(code).quant;
  return traits.output == ir::OutputParams::FromInput ? traits.source : -1;
}

bool copy_params(const ir::Tensor &from, ir::Tensor &to) {
  if (!from.quant || from.quant->scale.empty() || !to.quant || to.is_constant())
    return false;
  if (to.quant->scale == from.quant->scale && to.quant->zero_point == from.quant->zero_point &&
      to.quant->quantized_dimension == from.quant->quantized_dimension)
    return false;
  to.quant->scale = from.quant->scale;
  to.quant->zero_point = from.quant->zero_point;
  to.quant->quantized_dimension = from.quant->quantized_dimension;
  return true;
}

} // namespace

void propagate_qparams_forward(ir::Model &model) {
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto &op : model.operators) {
      const int input = moved_input(op.code);
      if (input < 0)
        continue;
      for (int32_t output : op.outputs)
        changed |= copy_params(model.tensors[op.inputs[input]], model.tensors[output]);
    }
  }
}

} // namespace qgold::quant
