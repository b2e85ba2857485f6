#include "interp/kernels/resize_bilinear.h"

#include "interp/kernels/shape.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace qgold::interp::kernels {
namespace {

struct Taps {
  float source; // the input coordinate
  int32_t lower, upper;
};

// TFLite's ComputeInterpolationValues for every output coordinate of one axis.
std::vector<Taps> axis_taps(int32_t in_size, int32_t out_size, const ResizeBilinearParams &params) {
  float scale = static_cast<float>(in_size) / static_cast<float>(out_size);
  if (params.align_corners && out_size > 1)
    scale = static_cast<float>(in_size - 1) / static_cast<float>(out_size - 1);
  std::vector<Taps> taps(static_cast<size_t>(out_size));
  for (int32_t v = 0; v < out_size; ++v) {
    const float source = params.half_pixel_centers
                             ? (static_cast<float>(v) + 0.5f) * scale - 0.5f
                             : static_cast<float>(v) * scale;
    taps[v] = {source, std::max(static_cast<int32_t>(std::floor(source)), 0),
               std::min(static_cast<int32_t>(std::ceil(source)), in_size - 1)};
  }
  return taps;
}

} // namespace

void resize_bilinear(const ResizeBilinearParams &params, const ir::Shape &input_shape,
                     const float *input, const ir::Shape &output_shape, float *output) {
  const Nhwc in = nhwc(input_shape);
  const Nhwc out = nhwc(output_shape);
  const std::vector<Taps> ys = axis_taps(in.h, out.h, params);
  const std::vector<Taps> xs = axis_taps(in.w, out.w, params);
  for (int32_t b = 0; b < out.n; ++b)
    for (int32_t y = 0; y < out.h; ++y) {
      const Taps &ty = ys[y];
      const float dy = ty.source - static_cast<float>(ty.lower);
      for (int32_t x = 0; x < out.w; ++x) {
        const Taps &tx = xs[x];
        const float dx = tx.source - static_cast<float>(tx.lower);
        for (int32_t c = 0; c < out.c; ++c) {
          const float v00 = input[offset(in, b, ty.lower, tx.lower, c)];
          const float v10 = input[offset(in, b, ty.upper, tx.lower, c)];
          const float v01 = input[offset(in, b, ty.lower, tx.upper, c)];
          const float v11 = input[offset(in, b, ty.upper, tx.upper, c)];
          output[offset(out, b, y, x, c)] = v00 * (1 - dy) * (1 - dx) + v10 * dy * (1 - dx) +
                                            v01 * (1 - dy) * dx + v11 * dy * dx;
        }
      }
    }
}

} // namespace qgold::interp::kernels
