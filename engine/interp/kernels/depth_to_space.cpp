#include "interp/kernels/depth_to_space.h"

#include "interp/kernels/element_types.h"
#include "interp/kernels/shape.h"

namespace qgold::interp::kernels {

template <typename T>
void depth_to_space(int32_t block_size, const ir::Shape &input_shape, const T *input,
                    const ir::Shape &output_shape, T *output) {
  const Nhwc in = nhwc(input_shape), out = nhwc(output_shape);
  T *dst = output;
  for (int32_t b = 0; b < out.n; ++b)
    for (int32_t h = 0; h < out.h; ++h)
      for (int32_t w = 0; w < out.w; ++w) {
        const int32_t shift = ((h % block_size) * block_size + w % block_size) * out.c;
        const T *src = input + offset(in, b, h / block_size, w / block_size, shift);
        for (int32_t d = 0; d < out.c; ++d)
          *dst++ = src[d];
      }
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template void depth_to_space<T>(int32_t, const ir::Shape &, const T *, const ir::Shape &, T *);
QGOLD_FOR_EACH_MOVED_TYPE(QGOLD_INSTANTIATE)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels
