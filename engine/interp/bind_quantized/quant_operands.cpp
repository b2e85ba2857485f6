#include "interp/bind_quantized/quant_operands.h"

#include <cmath>

namespace qgold::interp {
namespace {

// `zero_scale_ok`: ONE's exact per-channel scheme gives a 0 element scale 0.
QuantInfo single(const Operands &ops, const ir::Tensor &tensor, const std::string &what,
                 bool zero_scale_ok = false) {
  const auto &quant = tensor.quant;
  if (!quant || quant->scale.size() != 1 || quant->zero_point.size() != 1)
    ops.fail(fmt::format("{} needs one scale and one zero point, has {} and {}", what,
                         quant ? quant->scale.size() : 0, quant ? quant->zero_point.size() : 0));
  const float scale = quant->scale[0];
  if (!(scale > 0.0f || (zero_scale_ok && scale == 0.0f)) || !std::isfinite(scale))
    ops.fail(fmt::format("{} has scale {}; a quantized tensor needs a finite positive scale", what,
                         scale));
  const int64_t zero_point = quant->zero_point[0];
  const IntRange range = kernels::quantized::full_range(tensor.dtype);
  if (zero_point < range.min || zero_point > range.max)
    ops.fail(fmt::format("{} has zero point {}, outside {}", what, zero_point,
                         ir::dtype_name(tensor.dtype)));
  return {scale, static_cast<int32_t>(zero_point)};
}

} // namespace

QuantInfo input_quant(const Operands &ops, size_t slot) {
  return single(ops, ops.input_info(slot), ops.describe_input(slot));
}

QuantInfo output_quant(const Operands &ops, size_t slot) {
  return single(ops, ops.output_info(slot), ops.describe_output(slot));
}

std::vector<QuantInfo> channel_quant(const Operands &ops, size_t slot, int64_t channels,
                                     int32_t axis) {
  const ir::Tensor &tensor = ops.input_info(slot);
  const std::string what = ops.describe_input(slot);
  if (!tensor.quant || tensor.quant->scale.size() <= 1)
    return {single(ops, tensor, what)};
  const ir::QuantParams &quant = *tensor.quant;
  if (static_cast<int64_t>(quant.scale.size()) != channels ||
      quant.zero_point.size() != quant.scale.size() || quant.quantized_dimension != axis)
    ops.fail(fmt::format("{} has {} scales and {} zero points on dimension {}; expected 1, or {} "
                         "on dimension {}",
                         what, quant.scale.size(), quant.zero_point.size(),
                         quant.quantized_dimension, channels, axis));
  std::vector<QuantInfo> result;
  for (size_t c = 0; c < quant.scale.size(); ++c) {
    ir::Tensor one = tensor;
    one.quant = ir::QuantParams{{}, {}, {quant.scale[c]}, {quant.zero_point[c]}, 0};
    result.push_back(single(ops, one, fmt::format("{} channel {}", what, c), true));
  }
  return result;
}

IntRange output_activation_range(const Operands &ops, ir::Activation activation) {
  const ir::DType dtype = ops.output_info(0).dtype;
  return kernels::quantized::activation_range(activation, output_quant(ops, 0),
                                              kernels::quantized::storage_range(dtype));
}

} // namespace qgold::interp
