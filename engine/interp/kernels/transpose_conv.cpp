#include "interp/kernels/transpose_conv.h"

#include "interp/kernels/activation.h"
#include "interp/kernels/padding.h"
#include "interp/kernels/shape.h"

#include <algorithm>

namespace qgold::interp::kernels {

void transpose_conv(const TransposeConvParams &params, const ir::Shape &input_shape,
                    const float *input, const ir::Shape &filter_shape, const float *filter,
                    const float *bias, const ir::Shape &output_shape, float *output) {
  const Nhwc in = nhwc(input_shape);
  const Nhwc out = nhwc(output_shape);
  const Nhwc ker = nhwc(filter_shape); // n = output channels, c = input channels
  const int32_t pad_h =
      conv_padding_before(params.stride_h, 1, out.h, ker.h,
                          conv_output_size(params.padding, out.h, ker.h, params.stride_h, 1));
  const int32_t pad_w =
      conv_padding_before(params.stride_w, 1, out.w, ker.w,
                          conv_output_size(params.padding, out.w, ker.w, params.stride_w, 1));

  std::fill_n(output, ir::num_elements(output_shape), 0.0f);
  for (int32_t b = 0; b < in.n; ++b) {
    for (int32_t iy = 0; iy < in.h; ++iy) {
      for (int32_t ix = 0; ix < in.w; ++ix) {
        const int32_t out_y0 = iy * params.stride_h - pad_h;
        const int32_t out_x0 = ix * params.stride_w - pad_w;
        for (int32_t ic = 0; ic < in.c; ++ic) {
          const float value = input[offset(in, b, iy, ix, ic)];
          for (int32_t ky = 0; ky < ker.h; ++ky) {
            const int32_t oy = out_y0 + ky;
            if (oy < 0 || oy >= out.h)
              continue;
            for (int32_t kx = 0; kx < ker.w; ++kx) {
              const int32_t ox = out_x0 + kx;
              if (ox < 0 || ox >= out.w)
                continue;
              for (int32_t oc = 0; oc < out.c; ++oc)
                output[offset(out, b, oy, ox, oc)] += value * filter[offset(ker, oc, ky, kx, ic)];
            }
          }
        }
      }
    }
  }

  const int64_t count = ir::num_elements(output_shape);
  for (int64_t i = 0; i < count; ++i) {
    float sum = output[i];
    if (bias)
      sum += bias[i % out.c];
    output[i] = activate(params.activation, sum);
  }
}

} // namespace qgold::interp::kernels
