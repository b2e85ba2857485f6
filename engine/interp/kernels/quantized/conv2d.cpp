#include "interp/kernels/quantized/conv2d.h"

#include "interp/kernels/padding.h"
#include "interp/kernels/shape.h"

namespace qgold::interp::kernels::quantized {

template <typename T, typename B>
std::vector<int64_t> conv2d_sums(const Conv2DParams &params, const WeightedQuant &quant,
                                 const ir::Shape &input_shape, const T *input,
                                 const ir::Shape &filter_shape, const T *filter, const B *bias,
                                 const ir::Shape &output_shape) {
  std::vector<int64_t> sums(static_cast<size_t>(ir::num_elements(output_shape)));
  const Nhwc in = nhwc(input_shape);
  const Nhwc out = nhwc(output_shape);
  const Nhwc ker = nhwc(filter_shape);
  const int32_t pad_h = conv_padding_before(params.stride_h, params.dilation_h, in.h, ker.h, out.h);
  const int32_t pad_w = conv_padding_before(params.stride_w, params.dilation_w, in.w, ker.w, out.w);

  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox) {
        const int32_t in_y0 = oy * params.stride_h - pad_h;
        const int32_t in_x0 = ox * params.stride_w - pad_w;
        for (int32_t oc = 0; oc < out.c; ++oc) {
          const int32_t filter_zero = quant.filter_zero_point(oc);
          int64_t sum = 0;
          for (int32_t ky = 0; ky < ker.h; ++ky) {
            const int32_t iy = in_y0 + ky * params.dilation_h;
            if (iy < 0 || iy >= in.h)
              continue;
            for (int32_t kx = 0; kx < ker.w; ++kx) {
              const int32_t ix = in_x0 + kx * params.dilation_w;
              if (ix < 0 || ix >= in.w)
                continue;
              for (int32_t ic = 0; ic < in.c; ++ic)
                sum += static_cast<int64_t>(input[offset(in, b, iy, ix, ic)] -
                                            quant.input_zero_point) *
                       (filter[offset(ker, oc, ky, kx, ic)] - filter_zero);
            }
          }
          if (bias)
            sum += bias[oc];
          sums[static_cast<size_t>(offset(out, b, oy, ox, oc))] = sum;
        }
      }
    }
  }
  return sums;
}

template <typename T, typename B>
void conv2d(const Conv2DParams &params, const WeightedQuant &quant, const ir::Shape &input_shape,
            const T *input, const ir::Shape &filter_shape, const T *filter, const B *bias,
            const ir::Shape &output_shape, T *output) {
  const std::vector<int64_t> sums =
      conv2d_sums(params, quant, input_shape, input, filter_shape, filter, bias, output_shape);
  write_weighted_outputs(sums, output_shape.back(), quant, output);
}

#define QGOLD_INSTANTIATE(T, B)                                                                    \
  template void conv2d(const Conv2DParams &, const WeightedQuant &, const ir::Shape &, const T *,  \
                       const ir::Shape &, const T *, const B *, const ir::Shape &, T *);           \
  template std::vector<int64_t> conv2d_sums(const Conv2DParams &, const WeightedQuant &,          \
                                            const ir::Shape &, const T *, const ir::Shape &,       \
                                            const T *, const B *, const ir::Shape &);
QGOLD_INSTANTIATE(uint8_t, int32_t)
QGOLD_INSTANTIATE(int8_t, int32_t)
QGOLD_INSTANTIATE(int16_t, int64_t)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels::quantized
