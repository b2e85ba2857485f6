// Step 6 (quantization.md §2.3): outputs with a known range get fixed
// parameters: Logistic, Tanh (also any op with a fused TANH) and Softmax.

#include "quant/quantize_passes.h"

#include <optional>

namespace qgold::quant {
namespace {

struct Fixed {
  float scale;
  int64_t zero_point;
};

std::optional<Fixed> fixed_params(const ir::Operator &op, ir::DType dtype) {
  const bool u8 = dtype == ir::DType::UInt8;
  if (op.code == ir::OpCode::Logistic)
    return u8 ? Fixed{1.0f / 256.0f, 0} : Fixed{1.0f / 32768.0f, 0};
  if (op.code == ir::OpCode::Tanh || ir::fused_activation(op.options) == ir::Activation::Tanh)
    return u8 ? Fixed{2.0f / 256.0f, 128} : Fixed{1.0f / 32768.0f, 0};
  if (op.code == ir::OpCode::Softmax)
    return u8 ? Fixed{1.0f / 255.0f, 0} : Fixed{1.0f / 32767.0f, 0};
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
    }
  }
}

} // namespace qgold::quant
