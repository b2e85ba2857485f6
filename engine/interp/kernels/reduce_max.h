#pragma once

#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels {

// Maximum over `axes` (negative counts from the end; repeats count once), as
// TFLite's ReduceMax (ReduceGeneric with kMax): each output starts at the
// lowest value of T and takes an input element when it is greater, in
// row-major input order, so an empty reduction gives the lowest value
// (-FLT_MAX for float). T is float, int32_t, int64_t or the
// uint8/int8/int16 codes of a quantized tensor (bind_quantized/reduce_compute.cpp).
template <typename T>
void reduce_max(const ir::Shape &input_shape, const T *input, std::span<const int32_t> axes,
                T *output);

} // namespace qgold::interp::kernels
