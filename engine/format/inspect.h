#pragma once

#include "ir/model.h"

#include <nlohmann/json.hpp>

#include <string>

namespace qgold::format {

// A readable dump of a model, in the spirit of ONE's circledump: every tensor
// (index, name, dtype, shape, constant byte count, quantization) and every
// operator (index, op name, inputs, outputs, options by schema field name).
//
// JSON layout:
//   {"name": str, "inputs": [int], "outputs": [int],
//    "tensors": [{"index", "name", "dtype", "shape", "constant_bytes" (null
//                 for non-constants), "quantization" (null, or {"min", "max",
//                 "scale", "zero_point", "quantized_dimension"})}],
//    "operators": [{"index", "op", "inputs", "outputs", "options": {field: value}}]}
// Enum options (padding, fused_activation_function) are their schema names.
nlohmann::json inspect_json(const ir::Model &model);

// The same content as text, one tensor or operator per line (quantization and
// options on an indented line below).
std::string inspect_text(const ir::Model &model);

} // namespace qgold::format
