#pragma once

// The option fields each op accepts, by their TFLite/tflchef names, so that
// both recipe parsers and the YAML writer handle options through one table.

#include "ir/ops.h"

#include <string_view>
#include <variant>
#include <vector>

namespace qgold::recipe {

// Alternatives in the order of OptionKind.
using OptionValue = std::variant<ir::Padding, ir::Activation, int32_t, bool, float,
                                 std::vector<int32_t>>;
enum class OptionKind { Padding, Activation, Int, Bool, Float, IntList };

struct OptionField {
  std::string_view name;
  OptionKind kind;
};

// The fields of `code`'s options in a fixed order (empty for ops without options).
std::vector<OptionField> option_fields(ir::OpCode code);
// What a value of `kind` looks like, for error messages: "SAME or VALID", "an integer", ...
std::string_view option_kind_description(OptionKind kind);

// `options` must be the variant member of the op that owns `name`, and `value`
// must hold the field's kind; both are guaranteed by looking the field up in
// option_fields() first.
void set_option(ir::Options &options, std::string_view name, const OptionValue &value);
OptionValue get_option(const ir::Options &options, std::string_view name);

} // namespace qgold::recipe
