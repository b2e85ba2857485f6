#include "recipe/recipe.h"

#include "ir/error.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace qgold::recipe {

std::string SourceLocation::to_string() const {
  if (line <= 0)
    return file;
  return fmt::format("{}:{}:{}", file, line, column);
}

std::string_view test_dtype_name(ir::DType dtype) {
  switch (dtype) {
  case ir::DType::UInt8:
    return "uint8";
  case ir::DType::Int8:
    return "int8";
  case ir::DType::Int16:
    return "int16";
  default:
    return "";
  }
}

Recipe load_recipe(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError(fmt::format("{}: cannot open recipe file", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad())
    throw InputError(fmt::format("{}: cannot read recipe file", path.string()));
  std::string extension = path.extension().string();
  if (extension == ".yaml" || extension == ".yml")
    return parse_yaml_recipe(text.str(), path.string());
  return parse_tflchef_recipe(text.str(), path.string());
}

} // namespace qgold::recipe
