// Step 6 (quantization.md §2.3): outputs with a known range get fixed
// parameters: the ops the registry marks Fixed (Logistic, Tanh, Softmax) and
// any op with a fused TANH, which takes Tanh's. The IntegerScale ops (Floor,
// FloorDiv) keep their zero point and round their scale to an integer >= 1.

#include "ir/op_registry.h"
#include "quant/quantize_passes.h"

#include <cmath>
#include <optional>

namespace qgold::quant {
namespace {

ir::FixedParams for_dtype(const ir::QuantTraits &traits, ir::DType dtype) {
  switch (dtype) {
  case ir::DType::UInt8:
    return traits.fixed_uint8;
  case ir::DType::Int8:
    return traits.fixed_int8;
  default:
    return traits.fixed_int16;
  }
}

std::optional<ir::FixedParams> fixed_params(const ir::Operator &op, ir::DType dtype) {
  if (ir::fused_activation(op.options) == ir::Activation::Tanh)
    return for_dtype(ir::op_info(ir::OpCode::Tanh).quant, dtype);
  const ir::QuantTraits &traits = ir::op_info(op.code).quant;
  if (traits.output == ir::OutputParams::Fixed)
    return for_dtype(traits, dtype);
  return std::nullopt;
}

} // namespace

void set_fixed_activation_qparams(QuantizeContext &context) {
  for (const auto &op : context.model.operators) {
    ir::Tensor &output = context.model.tensors[op.outputs[0]];
    if (!output.quant || output.quant->scale.empty())
      continue;
    if (auto fixed = fixed_params(op, output.dtype)) {
      output.quant->scale = {fixed->scale};
      output.quant->zero_point = {fixed->zero_point};
    } else if (ir::op_info(op.code).quant.output == ir::OutputParams::IntegerScale) {
      for (float &scale : output.quant->scale)
        scale = scale < 1.0f ? 1.0f : std::round(scale);
    }
  }
}

} // namespace qgold::quant
