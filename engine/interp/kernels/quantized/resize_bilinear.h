#pragma once

#include "interp/kernels/resize_bilinear.h"
#include "ir/model.h"

namespace qgold::interp::kernels::quantized {

// Quantized ResizeBilinear, TFLite's kernels, which interpolate the codes (the
// output in the input's parameters; the binder requantizes where ONE gave the
// output its own):
//  * uint8: the builtin kernel of TFLite's runtime (optimized_ops
//    ResizeBilinearGenericSmallChannel): the float kernel's taps
//    (kernels/resize_bilinear.h), the four weights formed first, the products
//    summed as (y0, x0), (y0, x1), (y1, x0), (y1, x1), plus 0.5, truncated
//    (ties round up). reference_ops::ResizeBilinear<uint8_t> sums in the
//    float kernel's order and can differ in the last float bit.
//  * int8 and int16 (reference_ops::ResizeBilinearInteger, also TFLite's int16
//    kernel; luci-interpreter has none): 10-bit fixed point. Per axis
//    scale = (2^10 * in + out / 2) / out (align_corners: in - 1 and out - 1),
//    the source s = v * scale (half_pixel_centers: + scale / 2 - 2^9), the
//    taps s / 2^10 (truncated, at least 0) and ceil(s / 2^10) (at most
//    in - 1), weights 2^10 - (s - 2^10 * lower) and s - 2^10 * lower; the four
//    products summed in int64 and divided by 2^20, ties away from zero.
template <typename T>
void resize_bilinear(const ResizeBilinearParams &params, const ir::Shape &input_shape,
                     const T *input, const ir::Shape &output_shape, T *output);

} // namespace qgold::interp::kernels::quantized
