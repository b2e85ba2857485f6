#pragma once

#include "ir/options.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace qgold::ir {

// Values are the Circle BuiltinOperator codes (Circle-only ops are negative).
enum class OpCode : int32_t {
#define QGOLD_OP(Name, Code, Type, Opts, Table, ChefOptions) Name = Code,
#include "ir/ops.lst"
#undef QGOLD_OP
};

// The tflchef operation type string: "Conv2D", "ReLU6", "InstanceNorm", ...
std::string_view op_name(OpCode code);
std::optional<OpCode> op_from_name(std::string_view name);
std::optional<OpCode> op_from_code(int32_t code);
// Every op qgold knows, in ops.lst order.
const std::vector<OpCode> &all_ops();

// The options an op carries by default (its struct, with recipe defaults).
Options default_options(OpCode code);

} // namespace qgold::ir
