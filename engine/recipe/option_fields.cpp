#include "recipe/option_fields.h"

namespace qgold::recipe {

std::vector<ir::FieldInfo> recipe_option_fields(ir::OpCode code) {
  std::vector<ir::FieldInfo> fields;
  for (const ir::FieldInfo &field : ir::option_fields(ir::default_options(code)))
    if (field.kind != ir::FieldKind::Fixed)
      fields.push_back(field);
  return fields;
}

} // namespace qgold::recipe
