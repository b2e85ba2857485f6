#include "interp/kernels/conv2d.h"

#include "interp/kernels/activation.h"
#include "interp/kernels/padding.h"
#include "interp/kernels/shape.h"

namespace qgold::interp::kernels {

void conv2d(const Conv2DParams &params, const ir::Shape &input_shape, const float *input,
            const ir::Shape &filter_shape, const float *filter, const float *bias,
            const ir::Shape &output_shape, float *output) {
  const Nhwc in = nhwc(input_shape);
  const Nhwc out = nhwc(output_shape);
  const Nhwc ker = nhwc(filter_shape); // n = output channels
  const int32_t pad_h = conv_padding_before(params.stride_h, params.dilation_h, in.h, ker.h, out.h);
  const int32_t pad_w = conv_padding_before(params.stride_w, params.dilation_w, in.w, ker.w, out.w);

  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox) {
        const int32_t in_y0 = oy * params.stride_h - pad_h;
        const int32_t in_x0 = ox * params.stride_w - pad_w;
        for (int32_t oc = 0; oc < out.c; ++oc) {
          float sum = 0.0f;
          for (int32_t ky = 0; ky < ker.h; ++ky) {
            const int32_t iy = in_y0 + ky * params.dilation_h;
            if (iy < 0 || iy >= in.h)
              continue;
            for (int32_t kx = 0; kx < ker.w; ++kx) {
              const int32_t ix = in_x0 + kx * params.dilation_w;
              if (ix < 0 || ix >= in.w)
                continue;
              for (int32_t ic = 0; ic < in.c; ++ic)
                sum += input[offset(in, b, iy, ix, ic)] * filter[offset(ker, oc, ky, kx, ic)];
            }
          }
          const float biased = sum + (bias ? bias[oc] : 0.0f);
          output[offset(out, b, oy, ox, oc)] = activate(params.activation, biased);
        }
      }
    }
  }
}

} // namespace qgold::interp::kernels
