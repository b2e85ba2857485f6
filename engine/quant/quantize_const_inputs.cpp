// Step 5: float constants that stand where an activation operand goes (Add's
// y, Mul's y, Split's input, ...) are quantized per tensor in the op's dtype.
// Weighted ops, PRelu and InstanceNorm quantize their constants in steps 8-9;
// Concatenation did in step 4.

#include "ir/error.h"
#include "quant/op_roles.h"
#include "quant/quantize_passes.h"

#include <fmt/format.h>

namespace qgold::quant {
namespace {

bool handled_elsewhere(ir::OpCode code) {
  switch (code) {
  case ir::OpCode::Conv2D:
  case ir::OpCode::DepthwiseConv2D:
  case ir::OpCode::FullyConnected:
  case ir::OpCode::TransposeConv:
  case ir::OpCode::InstanceNorm:
  case ir::OpCode::PRelu:
  case ir::OpCode::Concatenation:
    return true;
  default:
    return false;
  }
}

} // namespace

void quantize_const_inputs(QuantizeContext &context) {
  ir::Model &model = context.model;
  for (size_t i = 0; i < model.operators.size(); ++i) {
    const ir::Operator &op = model.operators[i];
    if (handled_elsewhere(op.code))
      continue;
    for (int operand : activation_operands(op)) {
      const int32_t input = op.inputs.at(operand);
      if (input < 0)
        continue;
      ir::Tensor &tensor = model.tensors[input];
      if (!tensor.is_constant() || tensor.dtype != ir::DType::Float32)
        continue;
      if (op.code == ir::OpCode::Quantize || op.code == ir::OpCode::Dequantize)
        throw UnsupportedError(fmt::format("operator {} ({}): constant input '{}' is not supported", i,
                                           ir::op_name(op.code), tensor.name));
      quantize_constant(tensor, context.settings.for_op(op).dtype);
    }
  }
}

} // namespace qgold::quant
