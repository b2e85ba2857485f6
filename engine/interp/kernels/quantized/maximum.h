#pragma once

#include "interp/kernels/quantized/quantize.h"
#include "ir/model.h"

namespace qgold::interp::kernels::quantized {

// Quantized Maximum: TFLite's maximum_minimum.cc (uint8, int8, int16) takes the
// larger code elementwise with broadcasting, assuming both inputs share the
// output's parameters (TFLite's int8 spec requires it; ONE records each its
// own range). qgold first requantizes each input to the output's parameters
// (`x_requant`, `y_requant`: TFLite's Requantize, the identity when they
// agree, so every model TFLite accepts gives TFLite's codes).
template <typename T>
void maximum(const Requantization &x_requant, const ir::Shape &x_shape, const T *x,
             const Requantization &y_requant, const ir::Shape &y_shape, const T *y,
             const ir::Shape &out_shape, T *out);

} // namespace qgold::interp::kernels::quantized
