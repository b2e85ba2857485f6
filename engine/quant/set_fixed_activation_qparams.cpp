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

std::optional<ir::FixedParams> fixed_params(const ir::Operator &op, ir::DType dtype) {
  const bool u8 = dtype == ir::DType::UInt8;
  const ir::QuantTraits &tanh = ir::op_info(ir::OpCode::Tanh).quant;
  if (ir::fused_activation(op.options) == ir::Activation::Tanh)
    return u8 ? tanh.fixed_uint8 : tanh.fixed_int16;
  const ir::QuantTraits &traits = ir::op_info(op.code).quant;
  if (traits.output == ir::OutputParams::Fixed)
    return u8 ? traits.fixed_uint8 : traits.fixed_int16;
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
