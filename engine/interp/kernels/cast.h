#pragma once

#include "ir/model.h"

namespace qgold::interp::kernels {

struct CastParams {
  ir::DType from = ir::DType::Float32, to = ir::DType::Float32;
};

// TFLite's cast.cc: every element static_cast from `from` to `to`, both one
// of FLOAT32, INT32, INT64, BOOL, UINT8, INT16, INT8 (raw values: quantization
// parameters play no part). Where C++ leaves the conversion undefined it
// follows x86-64 (integers.h): a float is truncated toward zero, and one
// outside int32 (int64 for INT64) or NaN becomes INT_MIN before narrowing;
// integers narrow modulo 2^bits; anything to BOOL is `value != 0` (NaN is
// true) and BOOL converts to 0 or 1.
void cast(const CastParams &params, const ir::Shape &shape, const void *input, void *output);

} // namespace qgold::interp::kernels
