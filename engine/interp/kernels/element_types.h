#pragma once

// The element types the data-movement kernels are instantiated for: float32
// activations and the plain int32/int64/bool tensors of shape arithmetic (the
// registry's ValueTypes Integer and Any). Quantized tensors are left to the
// integer interpreter: moving them can need a rescale or a zero point as pad.

#include <cstdint>

#define QGOLD_FOR_EACH_MOVED_TYPE(X) X(float) X(int32_t) X(int64_t) X(bool)
