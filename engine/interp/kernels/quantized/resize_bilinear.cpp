#include "interp/kernels/quantized/resize_bilinear.h"

#include "interp/kernels/shape.h"

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

struct FixedTaps {
  int32_t source; // the input coordinate, in 1/1024
  int32_t lower, upper;
};

// TFLite's ComputeInterpolationValuesInteger for every output coordinate of one axis.
std::vector<FixedTaps> axis_taps(int32_t in_size, int32_t out_size,
                                 const ResizeBilinearParams &params) {
  const bool corners = params.align_corners && out_size > 1;
  const int32_t in = corners ? in_size - 1 : in_size, out = corners ? out_size - 1 : out_size;
  const int32_t scale = ((1 << 10) * in + out / 2) / out;
  std::vector<FixedTaps> taps(static_cast<size_t>(out_size));
  for (int32_t v = 0; v < out_size; ++v) {
    const int32_t source = params.half_pixel_centers ? v * scale + scale / 2 - (1 << 9) : v * scale;
    taps[static_cast<size_t>(v)] = {source, std::max(source / (1 << 10), 0),
                                    std::min((source + (1 << 10) - 1) / (1 << 10), in_size - 1)};
  }
  return taps;
}

struct FloatTaps {
  float dy_or_dx; // the source coordinate minus the lower tap
  int32_t lower, upper;
};

// TFLite's float ComputeInterpolationValues for every output coordinate of one axis.
std::vector<FloatTaps> float_taps(int32_t in_size, int32_t out_size,
                                  const ResizeBilinearParams &params) {
  float scale = static_cast<float>(in_size) / static_cast<float>(out_size);
  if (params.align_corners && out_size > 1)
    scale = static_cast<float>(in_size - 1) / static_cast<float>(out_size - 1);
  std::vector<FloatTaps> taps(static_cast<size_t>(out_size));
  for (int32_t v = 0; v < out_size; ++v) {
    const float source = params.half_pixel_centers ? (static_cast<float>(v) + 0.5f) * scale - 0.5f
                                                   : static_cast<float>(v) * scale;
    const int32_t lower = std::max(static_cast<int32_t>(std::floor(source)), 0);
    taps[static_cast<size_t>(v)] = {source - static_cast<float>(lower), lower,
                                    std::min(static_cast<int32_t>(std::ceil(source)), in_size - 1)};
  }
  return taps;
}

// uint8: the four weights formed first, the taps summed in the order (y0, x0), (y0, x1),
// (y1, x0), (y1, x1), plus 0.5, truncated.
void resize_uint8(const ResizeBilinearParams &params, const ir::Shape &input_shape,
                  const uint8_t *input, const ir::Shape &output_shape, uint8_t *output) {
  const Nhwc in = nhwc(input_shape);
  const Nhwc out = nhwc(output_shape);
  const std::vector<FloatTaps> ys = float_taps(in.h, out.h, params);
  const std::vector<FloatTaps> xs = float_taps(in.w, out.w, params);
  for (int32_t b = 0; b < out.n; ++b)
    for (int32_t y = 0; y < out.h; ++y) {
      const FloatTaps &ty = ys[static_cast<size_t>(y)];
      for (int32_t x = 0; x < out.w; ++x) {
        const FloatTaps &tx = xs[static_cast<size_t>(x)];
        const float dy = ty.dy_or_dx, dx = tx.dy_or_dx;
        const float w00 = (1 - dy) * (1 - dx), w01 = (1 - dy) * dx, w10 = dy * (1 - dx),
                    w11 = dy * dx;
        for (int32_t c = 0; c < out.c; ++c) {
          const float sum = input[offset(in, b, ty.lower, tx.lower, c)] * w00 +
                            input[offset(in, b, ty.lower, tx.upper, c)] * w01 +
                            input[offset(in, b, ty.upper, tx.lower, c)] * w10 +
                            input[offset(in, b, ty.upper, tx.upper, c)] * w11;
          output[offset(out, b, y, x, c)] = static_cast<uint8_t>(std::clamp(sum + 0.5f, 0.0f, 255.0f));
        }
      }
    }
}

template <typename T>
void resize_fixed_point(const ResizeBilinearParams &params, const ir::Shape &input_shape,
                        const T *input, const ir::Shape &output_shape, T *output) {
  const Nhwc in = nhwc(input_shape);
  const Nhwc out = nhwc(output_shape);
  const std::vector<FixedTaps> ys = axis_taps(in.h, out.h, params);
  const std::vector<FixedTaps> xs = axis_taps(in.w, out.w, params);
  for (int32_t b = 0; b < out.n; ++b)
    for (int32_t y = 0; y < out.h; ++y) {
      const FixedTaps &ty = ys[static_cast<size_t>(y)];
      const int64_t dy = ty.source - (1 << 10) * ty.lower;
      for (int32_t x = 0; x < out.w; ++x) {
        const FixedTaps &tx = xs[static_cast<size_t>(x)];
        const int64_t dx = tx.source - (1 << 10) * tx.lower;
        for (int32_t c = 0; c < out.c; ++c) {
          const int64_t sum =
              input[offset(in, b, ty.lower, tx.lower, c)] * ((1 << 10) - dy) * ((1 << 10) - dx) +
              input[offset(in, b, ty.upper, tx.lower, c)] * dy * ((1 << 10) - dx) +
              input[offset(in, b, ty.lower, tx.upper, c)] * ((1 << 10) - dy) * dx +
              input[offset(in, b, ty.upper, tx.upper, c)] * dy * dx;
          const int64_t half = sum > 0 ? (1 << 19) : -(1 << 19);
          output[offset(out, b, y, x, c)] = static_cast<T>((sum + half) / (1 << 20));
        }
      }
    }
}

} // namespace

template <typename T>
void resize_bilinear(const ResizeBilinearParams &params, const ir::Shape &input_shape,
                     const T *input, const ir::Shape &output_shape, T *output) {
  if constexpr (std::is_same_v<T, uint8_t>)
    resize_uint8(params, input_shape, input, output_shape, output);
  else
    resize_fixed_point(params, input_shape, input, output_shape, output);
}

template void resize_bilinear(const ResizeBilinearParams &, const ir::Shape &, const uint8_t *,
                              const ir::Shape &, uint8_t *);
template void resize_bilinear(const ResizeBilinearParams &, const ir::Shape &, const int8_t *,
                              const ir::Shape &, int8_t *);
template void resize_bilinear(const ResizeBilinearParams &, const ir::Shape &, const int16_t *,
                              const ir::Shape &, int16_t *);

} // namespace qgold::interp::kernels::quantized
