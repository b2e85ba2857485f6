#pragma once

#include "ir/model.h"

namespace qgold::quant {

// Densifies every sparse constant and folds DENSIFY and DEQUANTIZE ops whose
// input is a constant (FLOAT16, or integers with a quantization scale) into
// float32 constants, removing what becomes unused. Returns whether the model
// changed. Every quantization step runs it first; `run` too.
bool fold_converter_constants(ir::Model &model);

} // namespace qgold::quant
