#pragma once

// What Conv2D, DepthwiseConv2D, TransposeConv and FullyConnected share in
// their integer form: accumulate (x - zx) * (w - zw[c]) over the taps, add the
// bias, rescale by the channel's multiplier, add the output zero point, clamp.

#include "interp/kernels/quantized/fixed_point.h"
#include "interp/kernels/quantized/quant_params.h"

#include <cstdint>
#include <vector>

namespace qgold::interp::kernels::quantized {

struct WeightedQuant {
  int32_t input_zero_point = 0;
  std::vector<int32_t> filter_zero_points; // one, or one per output channel
  std::vector<Multiplier> multipliers;     // one, or one per output channel
  int32_t output_zero_point = 0;
  IntRange output_range;

  int32_t filter_zero_point(int64_t channel) const {
    return filter_zero_points.size() == 1 ? filter_zero_points[0]
                                          : filter_zero_points[static_cast<size_t>(channel)];
  }
  const Multiplier &multiplier(int64_t channel) const {
    return multipliers.size() == 1 ? multipliers[0] : multipliers[static_cast<size_t>(channel)];
  }
};

// How each scheme turns s_in * s_w[c] / s_out into a double before
// quantize_multiplier: TFLite (uint8 per layer, int8) multiplies the scales
// in double; luci-interpreter (ONE's per-channel uint8 and int16) multiplies
// them in float first.
enum class ScaleProduct { Double, Float };
double weighted_real_multiplier(float input_scale, float filter_scale, float output_scale,
                                ScaleProduct product);

// The output code of one accumulated sum (taps plus bias), summed in int64:
// 8-bit kernels keep its low 32 bits (TFLite's int32 accumulator) and rescale
// with multiply(int32_t, ...); 16-bit kernels rescale the int64 as
// luci-interpreter and TFLite's 16x8 kernels do.
template <typename T>
int32_t weighted_output(int64_t sum, int64_t channel, const WeightedQuant &quant) {
  int32_t scaled;
  if constexpr (sizeof(T) == 1)
    scaled = multiply(static_cast<int32_t>(sum), quant.multiplier(channel));
  else
    scaled = multiply(sum, quant.multiplier(channel));
  return quant.output_range.clamp(scaled + quant.output_zero_point);
}

// The output stage over sums in output order whose last dimension is the
// channel (`channels` of them).
template <typename T>
void write_weighted_outputs(const std::vector<int64_t> &sums, int64_t channels,
                            const WeightedQuant &quant, T *output) {
  for (size_t i = 0; i < sums.size(); ++i)
    output[i] = static_cast<T>(
        weighted_output<T>(sums[i], static_cast<int64_t>(i) % channels, quant));
}

} // namespace qgold::interp::kernels::quantized
