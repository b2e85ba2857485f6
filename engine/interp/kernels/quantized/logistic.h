#pragma once

#include "interp/kernels/quantized/lookup_table.h"

namespace qgold::interp::kernels::quantized {

// Quantized Logistic. 8-bit: TFLite's lookup table of 1 / (1 + exp(-x)) in
// float (lookup_table.h). int16 (zero points 0, output scale 2^-15): TFLite's
// reference_integer_ops::Logistic: the input rescaled to 1/(3 * 4096) per code
// (input_multiplier and input_left_shift from its Prepare), then linear
// interpolation in kSigmoidTable on |x| (sigmoid(-x) = 1 - sigmoid(x)).
struct LogisticQuant {
  LookupTable table{}; // 8-bit
  int32_t input_multiplier = 0; // int16; 0 for a power-of-two input scale
  int input_left_shift = 0;
};

template <typename T> LogisticQuant logistic_quant(const QuantInfo &input, const QuantInfo &output);

template <typename T>
void logistic(const LogisticQuant &quant, int64_t count, const T *input, T *output);

} // namespace qgold::interp::kernels::quantized
