#pragma once

// The element types the data-movement kernels are instantiated for: float32
// activations and the plain int32/int64/bool tensors of shape arithmetic (the
// registry's ValueTypes Integer and Any), and the uint8/int8/int16 codes of
// quantized tensors, which the integer binders (bind_quantized/movement.cpp)
// move with these same kernels before any requantization.

#include <cstdint>

#define QGOLD_FOR_EACH_MOVED_TYPE(X)                                                               \
  X(float) X(int32_t) X(int64_t) X(bool) X(uint8_t) X(int8_t) X(int16_t)
