#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

struct ResizeNearestNeighborParams {
  bool align_corners = false, half_pixel_centers = false; // any combination
};

// Nearest-neighbor resize of an NHWC input to the output's height and width,
// as TFLite's reference kernel. Per axis, in float: scale = in / out, or
// (in - 1) / (out - 1) with align_corners when out > 1; the source index of v
// is (v + offset) * scale with offset 0.5 under half_pixel_centers, else 0,
// rounded half away from zero with align_corners and floored otherwise, then
// capped at in - 1 (and at 0 from below under half_pixel_centers). T is
// float or the uint8/int8/int16 codes of a quantized tensor, which TFLite's
// kernel copies the same way.
template <typename T>
void resize_nearest_neighbor(const ResizeNearestNeighborParams &params,
                             const ir::Shape &input_shape, const T *input,
                             const ir::Shape &output_shape, T *output);

} // namespace qgold::interp::kernels
