#include "interp/kernels/quantized/transpose_conv.h"

#include "interp/kernels/padding.h"
#include "interp/kernels/shape.h"

#include <vector>

namespace qgold::interp::kernels::quantized {

template <typename T, typename B>
std::vector<int64_t> transpose_conv_sums(const TransposeConvParams &params,
                                         const WeightedQuant &quant, const ir::Shape &input_shape,
                                         const T *input, const ir::Shape &filter_shape,
                                         const T *filter, const B *bias,
                                         const ir::Shape &output_shape) {
  const Nhwc in = nhwc(input_shape);
  const Nhwc out = nhwc(output_shape);
  const Nhwc ker = nhwc(filter_shape);
  const int32_t pad_h =
      conv_padding_before(params.stride_h, 1, out.h, ker.h,
                          conv_output_size(params.padding, out.h, ker.h, params.stride_h, 1));
  const int32_t pad_w =
      conv_padding_before(params.stride_w, 1, out.w, ker.w,
                          conv_output_size(params.padding, out.w, ker.w, params.stride_w, 1));

  std::vector<int64_t> sums(static_cast<size_t>(ir::num_elements(output_shape)), 0);
  for (int32_t b = 0; b < in.n; ++b) {
    for (int32_t iy = 0; iy < in.h; ++iy) {
      for (int32_t ix = 0; ix < in.w; ++ix) {
        const int32_t out_y0 = iy * params.stride_h - pad_h;
        const int32_t out_x0 = ix * params.stride_w - pad_w;
        for (int32_t ic = 0; ic < in.c; ++ic) {
          const int64_t value = input[offset(in, b, iy, ix, ic)] - quant.input_zero_point;
          for (int32_t ky = 0; ky < ker.h; ++ky) {
            const int32_t oy = out_y0 + ky;
            if (oy < 0 || oy >= out.h)
              continue;
            for (int32_t kx = 0; kx < ker.w; ++kx) {
              const int32_t ox = out_x0 + kx;
              if (ox < 0 || ox >= out.w)
                continue;
              for (int32_t oc = 0; oc < out.c; ++oc)
                sums[static_cast<size_t>(offset(out, b, oy, ox, oc))] +=
                    value *
                    (filter[offset(ker, oc, ky, kx, ic)] - quant.filter_zero_point(oc));
            }
          }
        }
      }
    }
  }
  if (bias)
    for (size_t i = 0; i < sums.size(); ++i)
      sums[i] += bias[i % static_cast<size_t>(out.c)];
  return sums;
}

template <typename T, typename B>
void transpose_conv(const TransposeConvParams &params, const WeightedQuant &quant,
                    const ir::Shape &input_shape, const T *input, const ir::Shape &filter_shape,
                    const T *filter, const B *bias, const ir::Shape &output_shape, T *output) {
  write_weighted_outputs(transpose_conv_sums(params, quant, input_shape, input, filter_shape,
                                             filter, bias, output_shape),
                         output_shape.back(), quant, output);
}

#define QGOLD_INSTANTIATE(T, B)                                                                    \
  template void transpose_conv(const TransposeConvParams &, const WeightedQuant &,                \
                               const ir::Shape &, const T *, const ir::Shape &, const T *,        \
                               const B *, const ir::Shape &, T *);                                 \
  template std::vector<int64_t> transpose_conv_sums(                                               \
      const TransposeConvParams &, const WeightedQuant &, const ir::Shape &, const T *,           \
      const ir::Shape &, const T *, const B *, const ir::Shape &);
QGOLD_INSTANTIATE(uint8_t, int32_t)
QGOLD_INSTANTIATE(int8_t, int32_t)
QGOLD_INSTANTIATE(int16_t, int64_t)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels::quantized
