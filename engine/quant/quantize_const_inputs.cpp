// Step 5: float constants that stand where an activation goes (the Value
// inputs of the operator registry: Add's y, Mul's y, Split's input, ...) are
// quantized per tensor in the op's dtype. Ops with Weights or ChannelParam
// inputs quantize their constants in steps 8-9, and the ops whose output
// parameters flow back to their Value inputs (Concatenation, ...) did in step
// 4. The ops ONE does not list refuse any constant input, as ONE does.

#include "ir/error.h"
#include "ir/op_registry.h"
#include "quant/quantize_passes.h"

#include <fmt/format.h>

namespace qgold::quant {
namespace {

bool handled_elsewhere(const ir::OpInfo &op) {
  return op.find_input(ir::Role::Weights) >= 0 || op.find_input(ir::Role::ChannelParam) >= 0 ||
         op.quant.backward == ir::Backward::ValueInputs;
}

void refuse_constant_inputs(const ir::Model &model, size_t op_index) {
  const ir::Operator &op = model.operators[op_index];
  for (int32_t input : op.inputs)
    if (input >= 0 && model.tensors[input].is_constant())
      throw UnsupportedError(fmt::format("operator {} ({}): constant input '{}': ONE quantizes no "
                                         "constant input of this op (Unsupported Op for const inputs)",
                                         op_index, ir::op_name(op.code), model.tensors[input].name));
}

} // namespace

void quantize_const_inputs(QuantizeContext &context) {
  ir::Model &model = context.model;
  for (size_t i = 0; i < model.operators.size(); ++i) {
    const ir::Operator &op = model.operators[i];
    const ir::OpInfo &info = ir::op_info(op.code);
    if (handled_elsewhere(info))
      continue;
    if (info.quant.refuses_const_inputs) {
      refuse_constant_inputs(model, i);
      continue;
    }
    for (int operand : ir::value_operands(op)) {
      const int32_t input = op.inputs.at(operand);
      if (input < 0)
        continue;
      ir::Tensor &tensor = model.tensors[input];
      if (!tensor.is_constant() || tensor.dtype != ir::DType::Float32)
        continue;
      quantize_constant(tensor, context.settings.for_op(op).dtype);
    }
  }
}

} // namespace qgold::quant
