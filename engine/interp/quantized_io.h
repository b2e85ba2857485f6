#pragma once

// Float values as the codes of a quantized graph input, for feeding a
// quantized model float data (run --quantize-inputs, gen-data).

#include "ir/model.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace qgold::interp {

// An integer tensor (uint8, int8, int16) with exactly one scale and zero point.
bool is_per_tensor_quantized(const ir::Tensor &tensor);

// The little-endian codes of `values` in `tensor`'s dtype, computed as the
// Quantize kernel does (round(x / scale) + zero point, clamped to the dtype).
// A NaN or infinite value is an InputError "<where>, index <i>: ...".
std::vector<uint8_t> quantize_values(const ir::Tensor &tensor, std::span<const float> values,
                                     const std::string &where);

} // namespace qgold::interp
