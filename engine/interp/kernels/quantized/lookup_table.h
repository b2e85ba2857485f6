#pragma once

#include "interp/kernels/quantized/quant_params.h"

#include <array>
#include <cstdint>

namespace qgold::interp::kernels::quantized {

// An 8-bit activation as a table over all 256 input codes, indexed by the
// code's byte, as TFLite's PopulateLookupTable builds it for Logistic and
// Tanh (its reference and optimized kernels both use it): for every code q,
// x = s_in * (q - z_in) in float, y = transform(x) in float, and the entry is
// int(round(y * (1 / s_out)) + z_out) (the inverse and the product in float)
// clamped to the dtype.
using LookupTable = std::array<int32_t, 256>;

template <typename T>
LookupTable lookup_table(const QuantInfo &input, const QuantInfo &output,
                         float (*transform)(float));

template <typename T>
void apply_lookup_table(const LookupTable &table, int64_t count, const T *input, T *output);

// TFLite's CheckedLog2: the rounded log2 of a scale and whether the scale is
// a power of two (fractional part of log(x) * (1 / log(2)) below 1e-3, in float).
bool checked_log2(float x, int *log2);

// TFLite's int16 Prepare of Logistic and Tanh: a power-of-two input scale
// whose left shift (12 + log2 s_in) is in [0, max_pot_shift] keeps multiplier
// 0; any other scale gets the integer part of s_in * 3 * 4096 (in double),
// doubled with the left shift counted until it exceeds 32767 / 2.
void int16_input_scaling(float input_scale, int max_pot_shift, int32_t *multiplier, int *shift);

} // namespace qgold::interp::kernels::quantized
