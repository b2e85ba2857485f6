#include "interp/kernels/resize_nearest_neighbor.h"

#include "interp/kernels/shape.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace qgold::interp::kernels {
namespace {

// TFLite's GetNearestNeighbor for every output coordinate of one axis.
std::vector<int32_t> axis_sources(int32_t in_size, int32_t out_size,
                                  const ResizeNearestNeighborParams &params) {
  const float scale = params.align_corners && out_size > 1
                          ? static_cast<float>(in_size - 1) / static_cast<float>(out_size - 1)
                          : static_cast<float>(in_size) / static_cast<float>(out_size);
  const float offset = params.half_pixel_centers ? 0.5f : 0.0f;
  std::vector<int32_t> sources(static_cast<size_t>(out_size));
  for (int32_t v = 0; v < out_size; ++v) {
    const float source = (static_cast<float>(v) + offset) * scale;
    int32_t index = static_cast<int32_t>(params.align_corners ? std::round(source)
                                                              : std::floor(source));
    index = std::min(index, in_size - 1);
    if (params.half_pixel_centers)
      index = std::max(index, 0);
    sources[v] = index;
  }
  return sources;
}

} // namespace

template <typename T>
void resize_nearest_neighbor(const ResizeNearestNeighborParams &params,
                             const ir::Shape &input_shape, const T *input,
                             const ir::Shape &output_shape, T *output) {
  const Nhwc in = nhwc(input_shape);
  const Nhwc out = nhwc(output_shape);
  const std::vector<int32_t> ys = axis_sources(in.h, out.h, params);
  const std::vector<int32_t> xs = axis_sources(in.w, out.w, params);
  for (int32_t b = 0; b < out.n; ++b)
    for (int32_t y = 0; y < out.h; ++y)
      for (int32_t x = 0; x < out.w; ++x)
        std::copy_n(input + offset(in, b, ys[y], xs[x], 0), out.c,
                    output + offset(out, b, y, x, 0));
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template void resize_nearest_neighbor<T>(const ResizeNearestNeighborParams &,                   \
                                           const ir::Shape &, const T *, const ir::Shape &, T *);
QGOLD_INSTANTIATE(float)
QGOLD_INSTANTIATE(uint8_t)
QGOLD_INSTANTIATE(int8_t)
QGOLD_INSTANTIATE(int16_t)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels
