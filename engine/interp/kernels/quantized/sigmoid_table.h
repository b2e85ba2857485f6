#pragma once

#include <cstdint>

namespace qgold::interp::kernels::quantized {

// TFLite's sigmoid_table_uint16 (kernels/internal/common.h): sigmoid(i / 24)
// in unsigned 0.16 fixed point for i = 0..255, its entries tuned for linear
// interpolation between them (they are not all the rounded sigmoid). The
// int16 Logistic and Tanh kernels interpolate in it.
extern const uint16_t kSigmoidTable[256];

} // namespace qgold::interp::kernels::quantized
