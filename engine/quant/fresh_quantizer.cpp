#include "quant/fresh_quantizer.h"

#include "ir/error.h"
#include "quant/primitives.h"
#include "quant/tensor_math.h"

#include <fmt/format.h>

namespace qgold::quant {

int32_t sym_q_max(ir::DType dtype) {
  switch (dtype) {
  case ir::DType::Int16:
    return kInt16Max;
  case ir::DType::Int8:
    return kInt8Max;
  default:
    throw InputError(fmt::format("{} is not a symmetric quantization type", ir::dtype_name(dtype)));
  }
}

namespace {

ChannelLayout layout_for(const ir::Shape &shape, std::optional<int> channel_axis, size_t count) {
  if (channel_axis)
    return channel_layout(shape, *channel_axis);
  return ChannelLayout{1, static_cast<int64_t>(count)};
}

} // namespace

QuantizedValues quantize_fresh(const std::vector<float> &values, const ir::Shape &shape, ir::DType dtype,
                               std::optional<int> channel_axis) {
  const ChannelLayout layout = layout_for(shape, channel_axis, values.size());
  const auto [mins, maxs] = channel_min_max(values, layout);
  QuantizedValues out;
  out.codes.resize(values.size());
  out.params.quantized_dimension = channel_axis.value_or(0);
  std::vector<float> inv(layout.channels);
  for (int64_t c = 0; c < layout.channels; ++c) {
    if (dtype == ir::DType::UInt8) {
      const AsymParams p = compute_asym(mins[c], maxs[c]);
      out.params.scale.push_back(p.scale);
      out.params.zero_point.push_back(p.zero_point);
      out.params.min.push_back(p.nmin);
      out.params.max.push_back(p.nmax);
    } else {
      const SymParams p = compute_sym(mins[c], maxs[c], sym_q_max(dtype));
      out.params.scale.push_back(p.scale);
      out.params.zero_point.push_back(0);
      out.params.min.push_back(p.nmin);
      out.params.max.push_back(p.nmax);
    }
    inv[c] = inverse_scale(out.params.scale[c]);
  }
  const int32_t q_max = dtype == ir::DType::UInt8 ? 255 : sym_q_max(dtype);
  for (size_t i = 0; i < values.size(); ++i) {
    const int64_t c = layout.channel_of(static_cast<int64_t>(i));
    const float nmin = out.params.min[c], nmax = out.params.max[c];
    out.codes[i] = dtype == ir::DType::UInt8 ? quantize_asym_clipped(values[i], nmin, nmax, inv[c])
                                             : quantize_sym_clipped(values[i], nmin, nmax, inv[c], q_max);
  }
  return out;
}

void shift_to_int8(QuantizedValues &quantized) {
  for (int64_t &code : quantized.codes)
    code -= 128;
  for (int64_t &zero_point : quantized.params.zero_point)
    zero_point -= 128;
}

std::vector<float> dequantize(const QuantizedValues &quantized, const ir::Shape &shape, ir::DType dtype,
                              std::optional<int> channel_axis) {
  const ChannelLayout layout = layout_for(shape, channel_axis, quantized.codes.size());
  std::vector<float> values(quantized.codes.size());
  for (size_t i = 0; i < values.size(); ++i) {
    const int64_t c = layout.channel_of(static_cast<int64_t>(i));
    const float scale = quantized.params.scale[c];
    values[i] = dtype == ir::DType::UInt8
                    ? dequantize_asym(static_cast<uint8_t>(quantized.codes[i]), scale, quantized.params.min[c])
                    : dequantize_sym(static_cast<int32_t>(quantized.codes[i]), scale);
  }
  return values;
}

} // namespace qgold::quant
