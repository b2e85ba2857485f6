#pragma once

#include "interp/kernels/quantized/quantize.h"
#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels::quantized {

// Quantized Split: the float kernel's parts, codes copied (TFLite's Split and
// ONE give every part the input's parameters); a part whose parameters
// differ from the input's is requantized (`requants[p]`, see quantize.h).
template <typename T>
void split(int32_t axis, std::span<const Requantization> requants, const ir::Shape &input_shape,
           const T *input, std::span<T *const> outputs);

} // namespace qgold::interp::kernels::quantized
