#include "interp/kernels/quantized/mean.h"

#include "interp/kernels/mean.h"
#include "interp/kernels/shape.h"

#include <cmath>
#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

bool is_spatial_mean(const ir::Shape &shape, std::span<const int32_t> axes, bool keep_dims) {
  return keep_dims && shape.size() == 4 && axes.size() == 2 &&
         ((axes[0] == 1 && axes[1] == 2) || (axes[0] == 2 && axes[1] == 1));
}

int32_t rounded_division(int32_t sum, int32_t count) {
  return sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
}

template <typename T>
void spatial_mean(const MeanQuant &q, const ir::Shape &shape, const T *input, T *output) {
  const Nhwc in = nhwc(shape);
  const int32_t count = in.h * in.w;
  Multiplier multiplier;
  int32_t bias = 0;
  if constexpr (std::is_same_v<T, uint8_t>) {
    const float ratio = static_cast<float>(q.input.zero_point) * q.input.scale / q.output.scale;
    bias = q.output.zero_point - static_cast<int32_t>(ratio > 0 ? ratio + 0.5f : ratio - 0.5f);
    multiplier = quantize_multiplier(
        static_cast<double>(q.input.scale / (static_cast<float>(count) * q.output.scale)));
  } else {
    multiplier = quantize_multiplier(static_cast<double>(q.input.scale) /
                                     static_cast<double>(q.output.scale));
  }
  for (int32_t b = 0; b < in.n; ++b) {
    for (int32_t c = 0; c < in.c; ++c) {
      int32_t sum = 0;
      for (int32_t y = 0; y < in.h; ++y)
        for (int32_t x = 0; x < in.w; ++x)
          sum += input[offset(in, b, y, x, c)] -
                 (std::is_same_v<T, uint8_t> ? 0 : q.input.zero_point);
      int32_t code;
      if constexpr (std::is_same_v<T, uint8_t>)
        code = multiply(sum, multiplier) + bias;
      else
        code = rounded_division(multiply(sum, multiplier), count) + q.output.zero_point;
      output[static_cast<int64_t>(b) * in.c + c] = static_cast<T>(q.range.clamp(code));
    }
  }
}

} // namespace

template <typename T>
void mean(const MeanQuant &q, const ir::Shape &input_shape, const T *input,
          std::span<const int32_t> axes, bool keep_dims, T *output) {
  if (is_spatial_mean(input_shape, axes, keep_dims)) {
    spatial_mean(q, input_shape, input, output);
    return;
  }
  // Integer sums per output element (the float kernel's walk, on codes).
  const size_t rank = input_shape.size();
  std::vector<bool> reduced(rank, false);
  for (int32_t axis : resolve_axes(axes, rank))
    reduced[static_cast<size_t>(axis)] = true;
  std::vector<int64_t> out_strides(rank, 0);
  int64_t out_count = 1, reduce_count = 1;
  for (size_t d = rank; d-- > 0;) {
    if (reduced[d]) {
      reduce_count *= input_shape[d];
    } else {
      out_strides[d] = out_count;
      out_count *= input_shape[d];
    }
  }
  std::vector<int32_t> sums(static_cast<size_t>(out_count), 0);
  const int64_t in_count = ir::num_elements(input_shape);
  std::vector<int32_t> index(rank, 0);
  int64_t out_index = 0;
  for (int64_t i = 0; i < in_count; ++i) {
    sums[static_cast<size_t>(out_index)] += input[i];
    for (size_t d = rank; d-- > 0;) {
      if (++index[d] < input_shape[d]) {
        out_index += out_strides[d];
        break;
      }
      out_index -= out_strides[d] * (input_shape[d] - 1);
      index[d] = 0;
    }
  }
  if (reduce_count == 0)
    return;
  const bool same = q.input.scale == q.output.scale && q.input.zero_point == q.output.zero_point;
  const float scale = q.input.scale / q.output.scale;
  const float bias = -static_cast<float>(q.input.zero_point) * scale;
  for (int64_t o = 0; o < out_count; ++o) {
    const int32_t sum = sums[static_cast<size_t>(o)];
    if (same) {
      output[o] = static_cast<T>(sum / static_cast<int32_t>(reduce_count));
      continue;
    }
    const float m = static_cast<float>(sum) / static_cast<float>(reduce_count);
    const float code = std::round(m * scale + bias) + static_cast<float>(q.output.zero_point);
    output[o] = static_cast<T>(std::min(std::max(code, static_cast<float>(q.range.min)),
                                        static_cast<float>(q.range.max)));
  }
}

template void mean(const MeanQuant &, const ir::Shape &, const uint8_t *,
                   std::span<const int32_t>, bool, uint8_t *);
template void mean(const MeanQuant &, const ir::Shape &, const int8_t *, std::span<const int32_t>,
                   bool, int8_t *);
template void mean(const MeanQuant &, const ir::Shape &, const int16_t *,
                   std::span<const int32_t>, bool, int16_t *);

} // namespace qgold::interp::kernels::quantized
