#include "interp/kernels/space_to_depth.h"

#include "interp/kernels/element_types.h"
#include "interp/kernels/shape.h"

namespace qgold::interp::kernels {

template <typename T>
void space_to_depth(int32_t block_size, const ir::Shape &input_shape, const T *input,
                    const ir::Shape &output_shape, T *output) {
  const Nhwc in = nhwc(input_shape), out = nhwc(output_shape);
  const T *src = input;
  for (int32_t b = 0; b < in.n; ++b)
    for (int32_t h = 0; h < in.h; ++h)
      for (int32_t w = 0; w < in.w; ++w) {
        const int32_t shift = ((h % block_size) * block_size + w % block_size) * in.c;
        T *dst = output + offset(out, b, h / block_size, w / block_size, shift);
        for (int32_t d = 0; d < in.c; ++d)
          dst[d] = *src++;
      }
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template void space_to_depth<T>(int32_t, const ir::Shape &, const T *, const ir::Shape &, T *);
QGOLD_FOR_EACH_MOVED_TYPE(QGOLD_INSTANTIATE)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels
