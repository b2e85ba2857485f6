// Step 9: the bias of a weighted op becomes int32 (uint8 and int8 ops) or
// int64 (int16 op) with scale = input scale x weight scale, so that it adds
// directly to the integer accumulator.

#include "ir/error.h"
#include "ir/op_registry.h"
#include "quant/primitives.h"
#include "quant/quantize_passes.h"
#include "quant/tensor_math.h"

#include <cmath>
#include <fmt/format.h>
#include <limits>

namespace qgold::quant {
namespace {

// A float-to-integer conversion as x86 performs it: out of range (or NaN)
// gives the integer indefinite value, the type's minimum.
template <typename Int> Int convert_like_x86(float value) {
  constexpr auto lo = static_cast<double>(std::numeric_limits<Int>::lowest());
  constexpr auto hi = static_cast<double>(std::numeric_limits<Int>::max());
  if (std::isnan(value) || static_cast<double>(value) < lo || static_cast<double>(value) >= hi + 1.0)
    return std::numeric_limits<Int>::lowest();
  return static_cast<Int>(value);
}

} // namespace

void quantize_biases(QuantizeContext &context) {
  ir::Model &model = context.model;
  for (const auto &op : model.operators) {
    const auto roles = ir::weighted_op(op.code);
    if (!roles || roles->bias < 0 || roles->bias >= static_cast<int>(op.inputs.size()) || op.inputs[roles->bias] < 0)
      continue;
    ir::Tensor &bias = model.tensors[op.inputs[roles->bias]];
    if (!bias.is_constant() || bias.dtype != ir::DType::Float32)
      continue;
    const Settings settings = context.settings.for_op(op);
    ir::Tensor &activation = model.tensors[op.inputs[roles->activation]];
    if (activation.is_constant() && activation.dtype == ir::DType::Float32)
      quantize_constant(activation, settings.dtype);
    const ir::Tensor &weights = model.tensors[op.inputs[roles->weights]];
    if (!activation.quant || activation.quant->scale.size() != 1 || !weights.quant || weights.quant->scale.empty())
      throw InputError(fmt::format("bias '{}': its input or weights are not quantized", bias.name));

    const float input_scale = activation.quant->scale[0];
    const std::vector<float> values = float_values(bias);
    const bool per_channel = weights_per_channel(op.code, settings);
    if (per_channel && weights.quant->scale.size() != values.size())
      throw InputError(fmt::format("bias '{}' has {} values but weights '{}' have {} channel scales", bias.name,
                                   values.size(), weights.name, weights.quant->scale.size()));
    ir::QuantParams params;
    std::vector<int64_t> codes;
    for (size_t i = 0; i < values.size(); ++i) {
      const float scale = input_scale * weights.quant->scale[per_channel ? i : 0];
      const float inv = scale == 0.0f ? 0.0f : inverse_scale(scale);
      const float rounded = round_away(values[i] * inv);
      codes.push_back(settings.dtype != ir::DType::Int16 ? convert_like_x86<int32_t>(rounded)
                                                         : convert_like_x86<int64_t>(rounded));
      if (per_channel || i == 0) {
        params.scale.push_back(scale);
        params.zero_point.push_back(0);
      }
    }
    params.quantized_dimension = per_channel && !bias.shape.empty() ? static_cast<int32_t>(bias.shape.size()) - 1 : 0;
    store_codes(bias, settings.dtype == ir::DType::Int16 ? ir::DType::Int64 : ir::DType::Int32, codes);
    bias.quant = params;
  }
}

} // namespace qgold::quant
