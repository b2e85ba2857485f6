#pragma once

#include "ir/ops.h"

#include <vector>

namespace qgold::recipe {

// The option fields a recipe may set for `code`: the stored fields of its
// options struct (ir/options.h), in recipe order.
std::vector<ir::FieldInfo> recipe_option_fields(ir::OpCode code);

} // namespace qgold::recipe
