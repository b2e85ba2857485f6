// Weights-only quantization (circle-quantizer --quantize_weights,
// quantization.md §9): the weights of the ops the registry marks weights_only
// (Conv2D, DepthwiseConv2D, FullyConnected) become symmetric int8/int16 per
// channel; everything else stays float.

#include "ir/error.h"
#include "quant/fresh_quantizer.h"
#include "ir/op_registry.h"
#include "quant/quant.h"
#include "quant/tensor_math.h"

#include <fmt/format.h>

namespace qgold::quant {

void quantize_weights(ir::Model &model, ir::DType dtype, Granularity granularity) {
  if (dtype != ir::DType::Int8 && dtype != ir::DType::Int16)
    throw InputError(fmt::format("quantize-weights: dtype must be int8 or int16, got {}", ir::dtype_name(dtype)));
  if (granularity != Granularity::Channel)
    throw InputError("quantize-weights: only channel granularity is supported");
  check_float_model(model);
  for (const auto &op : model.operators) {
    const auto roles = ir::weighted_op(op.code);
    if (!roles || !ir::op_info(op.code).quant.weights_only)
      continue;
    ir::Tensor &weights = model.tensors[op.inputs.at(roles->weights)];
    if (!weights.is_constant() || weights.dtype != ir::DType::Float32 || weights.quant)
      continue;
    const QuantizedValues quantized = quantize_fresh(float_values(weights), weights.shape, dtype, roles->channel_axis);
    store_codes(weights, dtype, quantized.codes);
    weights.quant = ir::QuantParams{};
    weights.quant->scale = quantized.params.scale;
    weights.quant->zero_point = quantized.params.zero_point;
    weights.quant->quantized_dimension = roles->channel_axis;
  }
}

} // namespace qgold::quant
