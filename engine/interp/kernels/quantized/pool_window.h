#pragma once

#include "interp/kernels/padding.h"
#include "interp/kernels/pool2d_params.h"
#include "interp/kernels/quantized/quantize.h"
#include "interp/kernels/shape.h"

#include <algorithm>

namespace qgold::interp::kernels::quantized {

// The window walk of the float pool kernels (kernels/pool_window.h) over
// codes: output (b, oy, ox, c) = clamp(requantize(reducer.result())) of a
// fresh Reducer handed every code of channel c under the clipped window.
template <typename Reducer, typename T>
void pool2d(const Pool2DParams &params, const Requantization &requant, IntRange output_range,
            const ir::Shape &input_shape, const T *input, const ir::Shape &output_shape,
            T *output) {
  const Nhwc in = nhwc(input_shape);
  const Nhwc out = nhwc(output_shape);
  const int32_t pad_h = conv_padding_before(params.stride_h, 1, in.h, params.filter_h, out.h);
  const int32_t pad_w = conv_padding_before(params.stride_w, 1, in.w, params.filter_w, out.w);

  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox) {
        const int32_t in_y0 = oy * params.stride_h - pad_h;
        const int32_t in_x0 = ox * params.stride_w - pad_w;
        const int32_t y_begin = std::max(0, in_y0);
        const int32_t y_end = std::min(in.h, in_y0 + params.filter_h);
        const int32_t x_begin = std::max(0, in_x0);
        const int32_t x_end = std::min(in.w, in_x0 + params.filter_w);
        for (int32_t c = 0; c < out.c; ++c) {
          Reducer reducer;
          for (int32_t iy = y_begin; iy < y_end; ++iy)
            for (int32_t ix = x_begin; ix < x_end; ++ix)
              reducer.add(input[offset(in, b, iy, ix, c)]);
          output[offset(out, b, oy, ox, c)] =
              static_cast<T>(output_range.clamp(requantize(reducer.result(), requant)));
        }
      }
    }
  }
}

} // namespace qgold::interp::kernels::quantized
