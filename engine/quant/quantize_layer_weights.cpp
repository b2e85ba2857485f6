// Step 8: the Weights inputs of the operator registry (Conv2D,
// DepthwiseConv2D, TransposeConv, FullyConnected) and its ChannelParam inputs
// (PRelu's alpha, InstanceNorm's gamma/beta).
// Weights that carry fake-quantization parameters are re-quantized with those
// parameters (no clipping), which re-derives the stage-A codes exactly.

#include "ir/error.h"
#include "quant/fresh_quantizer.h"
#include "ir/op_registry.h"
#include "quant/primitives.h"
#include "quant/quantize_passes.h"
#include "quant/tensor_math.h"

#include <fmt/format.h>

namespace qgold::quant {
namespace {

void requantize_with_stored_params(ir::Tensor &weights, const Settings &settings, int axis,
                                   bool per_channel) {
  const ir::QuantParams params = *weights.quant;
  const ChannelLayout layout =
      per_channel ? channel_layout(weights.shape, axis) : ChannelLayout{1, weights.num_elements()};
  if (static_cast<int64_t>(params.scale.size()) != layout.channels ||
      (settings.dtype == ir::DType::UInt8 && static_cast<int64_t>(params.min.size()) != layout.channels))
    throw InputError(fmt::format("weights '{}' carry {} scale(s) from fake quantization, but {} granularity "
                                 "needs {}; fake-quantize with the same granularity",
                                 weights.name, params.scale.size(), granularity_name(settings.granularity),
                                 layout.channels));
  if (!per_channel && settings.dtype == ir::DType::Int16)
    throw InputError(fmt::format("weights '{}': layer granularity requires uint8", weights.name));
  const std::vector<float> values = float_values(weights);
  std::vector<int64_t> codes(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    const int64_t c = layout.channel_of(static_cast<int64_t>(i));
    const float inv = inverse_scale(params.scale[c]);
    codes[i] = settings.dtype == ir::DType::UInt8
                   ? quantize_asym_from(values[i], params.min[c], inv)
                   : quantize_sym(values[i], inv, sym_q_max(settings.dtype));
  }
  store_codes(weights, settings.dtype, codes);
  weights.quant->quantized_dimension = axis;
}

void quantize_weights_fresh(ir::Tensor &weights, const Settings &settings, int axis,
                            bool per_channel) {
  // Per-layer weights are always asymmetric uint8 in ONE; int8 ones symmetric int8.
  const ir::DType dtype =
      per_channel || settings.dtype == ir::DType::Int8 ? settings.dtype : ir::DType::UInt8;
  const QuantizedValues quantized =
      quantize_fresh(float_values(weights), weights.shape, dtype, per_channel ? std::optional<int>(axis) : std::nullopt);
  store_codes(weights, dtype, quantized.codes);
  weights.quant = quantized.params;
  weights.quant->quantized_dimension = axis;
}

// quantization.md §3.2: each element its own scale so that it is exact.
void quantize_exact_per_element(ir::Tensor &tensor, ir::DType dtype) {
  for (size_t d = 0; d + 1 < tensor.shape.size(); ++d)
    if (tensor.shape[d] != 1)
      throw InputError(fmt::format("'{}' has shape {}; per-channel quantization needs every dimension but "
                                   "the last to be 1",
                                   tensor.name, ir::shape_to_string(tensor.shape)));
  ir::QuantParams params;
  params.quantized_dimension = tensor.shape.empty() ? 0 : static_cast<int32_t>(tensor.shape.size()) - 1;
  std::vector<int64_t> codes;
  for (float value : float_values(tensor)) {
    const bool negative = value < 0.0f; // -0.0 counts as non-negative
    params.scale.push_back(negative ? -value : value);
    if (dtype == ir::DType::UInt8) {
      codes.push_back(negative ? 0 : 1);
      params.zero_point.push_back(negative ? 1 : 0);
    } else {
      codes.push_back(negative ? -1 : 1);
      params.zero_point.push_back(0);
    }
  }
  store_codes(tensor, dtype, codes);
  tensor.quant = params;
}

void quantize_channel_params(ir::Model &model, int32_t index, const Settings &settings) {
  if (index < 0)
    return;
  ir::Tensor &tensor = model.tensors[index];
  if (!tensor.is_constant() || tensor.dtype != ir::DType::Float32)
    return;
  // int8 (TFLite's kernels take one alpha scale): per tensor, like a constant activation.
  if (settings.granularity == Granularity::Channel && settings.dtype != ir::DType::Int8)
    quantize_exact_per_element(tensor, settings.dtype);
  else
    quantize_constant(tensor, settings.dtype);
}

} // namespace

void quantize_layer_weights(QuantizeContext &context) {
  ir::Model &model = context.model;
  for (const auto &op : model.operators) {
    const Settings settings = context.settings.for_op(op);
    const ir::OpInfo &info = ir::op_info(op.code);
    for (size_t slot = 0; slot < op.inputs.size(); ++slot)
      if (info.input(slot).role == ir::Role::ChannelParam)
        quantize_channel_params(model, op.inputs[slot], settings);
    const auto roles = ir::weighted_op(op.code);
    if (!roles)
      continue;
    ir::Tensor &weights = model.tensors[op.inputs.at(roles->weights)];
    if (!weights.is_constant() || weights.dtype != ir::DType::Float32)
      continue;
    const bool per_channel = weights_per_channel(op.code, settings);
    if (weights.quant && !weights.quant->scale.empty())
      requantize_with_stored_params(weights, settings, roles->channel_axis, per_channel);
    else
      quantize_weights_fresh(weights, settings, roles->channel_axis, per_channel);
  }
}

} // namespace qgold::quant
