// Stage A (circle-quantizer --quantize_dequantize_weights, quantization.md §5):
// the float weights of Conv2D, DepthwiseConv2D, TransposeConv and
// FullyConnected are replaced by their quantized-then-dequantized values; the
// parameters stay attached so that stage C re-derives the same codes.

#include "ir/error.h"
#include "quant/fold_converter_constants.h"
#include "quant/fresh_quantizer.h"
#include "ir/op_registry.h"
#include "quant/quant.h"
#include "quant/settings.h"
#include "quant/tensor_math.h"

#include <fmt/format.h>
#include <map>

namespace qgold::quant {
namespace {

void check_supported(const Settings &settings, const std::string &layer) {
  if (settings.dtype != ir::DType::UInt8 && settings.dtype != ir::DType::Int16 &&
      settings.dtype != ir::DType::Int8)
    throw InputError(fmt::format("fake quantization of '{}': dtype must be uint8, int16 or int8, got {}",
                                 layer, ir::dtype_name(settings.dtype)));
  if (settings.granularity == Granularity::Layer && settings.dtype != ir::DType::UInt8)
    throw InputError(fmt::format("fake quantization of '{}': layer granularity requires uint8", layer));
}

} // namespace

void fake_quantize(ir::Model &model, ir::DType dtype, Granularity granularity, const QConf *qconf) {
  fold_converter_constants(model);
  check_float_model(model);
  const LayerSettings settings(model, Settings{dtype, granularity}, qconf);
  check_supported(settings.defaults(), "model");
  // ONE clears existing parameters of every node first.
  for (auto &tensor : model.tensors)
    tensor.quant.reset();

  std::map<int32_t, Settings> done; // a shared weight tensor is quantized once
  for (const auto &op : model.operators) {
    const auto roles = ir::weighted_op(op.code);
    if (!roles || roles->weights >= static_cast<int>(op.inputs.size()))
      continue;
    const int32_t index = op.inputs[roles->weights];
    ir::Tensor &weights = model.tensors[index];
    if (!weights.is_constant() || weights.dtype != ir::DType::Float32)
      continue;
    const Settings op_settings = settings.for_op(op);
    const std::string &layer = model.tensors[op.outputs.front()].name;
    check_supported(op_settings, layer);
    if (auto it = done.find(index); it != done.end()) {
      if (!(it->second == op_settings))
        throw UnsupportedError(fmt::format(
            "weights '{}' are shared by layers quantized with different settings", weights.name));
      continue;
    }
    const std::optional<int> axis = weights_per_channel(op.code, op_settings)
                                        ? std::optional<int>(roles->channel_axis)
                                        : std::nullopt;
    const QuantizedValues quantized = quantize_fresh(float_values(weights), weights.shape, op_settings.dtype, axis);
    weights.set_values<float>(dequantize(quantized, weights.shape, op_settings.dtype, axis));
    // ONE leaves quantized_dimension at 0 here; qgold records the real channel
    // axis so that the written model is self-consistent (DepthwiseConv2D's axis is 3).
    weights.quant = quantized.params;
    done.emplace(index, op_settings);
  }
}

} // namespace qgold::quant
