#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

struct ResizeBilinearParams {
  bool align_corners = false, half_pixel_centers = false; // not both (TFLite refuses it)
};

// Bilinear resize of an NHWC input to the output's height and width, as
// TFLite's reference float kernel. Per axis: scale = in / out, or (in - 1) /
// (out - 1) with align_corners when out > 1; the source coordinate is
// v * scale, or (v + 0.5) * scale - 0.5 with half_pixel_centers; the two taps
// are max(floor(src), 0) and min(ceil(src), in - 1), weighted by the distance
// to the lower tap (which may fall outside [0, 1] near the borders). The four
// products are summed in TFLite's order: (y0,x0) + (y1,x0) + (y0,x1) + (y1,x1).
void resize_bilinear(const ResizeBilinearParams &params, const ir::Shape &input_shape,
                     const float *input, const ir::Shape &output_shape, float *output);

} // namespace qgold::interp::kernels
