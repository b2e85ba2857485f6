#pragma once

// Quantizes float values with parameters computed from their own range:
// per tensor or per channel, asymmetric uint8 or symmetric int16/int8.
// Used by fake quantization, weights-only quantization and constants that
// carry no parameters yet.

#include "ir/model.h"

#include <optional>
#include <vector>

namespace qgold::quant {

struct QuantizedValues {
  std::vector<int64_t> codes;
  // min/max hold the nudged range [nmin, nmax] per channel (ONE stores it so).
  ir::QuantParams params;
};

// `channel_axis` nullopt = one set of parameters for the whole tensor.
// dtype: UInt8 (asymmetric, QA_clip) or Int16/Int8 (symmetric, QS_clip).
QuantizedValues quantize_fresh(const std::vector<float> &values, const ir::Shape &shape, ir::DType dtype,
                               std::optional<int> channel_axis);

// Values that the codes stand for, as fake quantization writes them back.
std::vector<float> dequantize(const QuantizedValues &quantized, const ir::Shape &shape, ir::DType dtype,
                              std::optional<int> channel_axis);

// Asymmetric uint8 values moved to int8: codes and zero points minus 128
// (the same grid: TFLite's int8 activations, quantization.md).
void shift_to_int8(QuantizedValues &quantized);

// Largest code magnitude of a symmetric dtype (Int16: 32767, Int8: 127).
int32_t sym_q_max(ir::DType dtype);

} // namespace qgold::quant
