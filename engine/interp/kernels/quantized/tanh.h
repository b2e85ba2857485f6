#pragma once

#include "interp/kernels/quantized/lookup_table.h"

namespace qgold::interp::kernels::quantized {

// Quantized Tanh. 8-bit: TFLite's lookup table of std::tanh in float
// (lookup_table.h). int16 (zero points 0, output scale 2^-15): TFLite's
// reference_integer_ops::Tanh, interpolating in kSigmoidTable with
// tanh(x) = 2 sigmoid(2x) - 1 (8 fractional index bits instead of 9).
struct TanhQuant {
  LookupTable table{}; // 8-bit
  int32_t input_multiplier = 0; // int16; 0 for a power-of-two input scale
  int input_left_shift = 0;
};

template <typename T> TanhQuant tanh_quant(const QuantInfo &input, const QuantInfo &output);

template <typename T> void tanh(const TanhQuant &quant, int64_t count, const T *input, T *output);

} // namespace qgold::interp::kernels::quantized
