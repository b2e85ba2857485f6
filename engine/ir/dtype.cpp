#include "ir/dtype.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace qgold::ir {
namespace {

struct DTypeInfo {
  DType type;
  std::string_view name;
  std::size_t size;
};

constexpr std::array kDTypes = {
    DTypeInfo{DType::Float32, "FLOAT32", 4}, DTypeInfo{DType::Float16, "FLOAT16", 2},
    DTypeInfo{DType::Int32, "INT32", 4},     DTypeInfo{DType::UInt8, "UINT8", 1},
    DTypeInfo{DType::Int64, "INT64", 8},     DTypeInfo{DType::String, "STRING", 0},
    DTypeInfo{DType::Bool, "BOOL", 1},       DTypeInfo{DType::Int16, "INT16", 2},
    DTypeInfo{DType::Int8, "INT8", 1},       DTypeInfo{DType::Float64, "FLOAT64", 8},
};

const DTypeInfo &info(DType type) {
  for (const auto &entry : kDTypes)
    if (entry.type == type)
      return entry;
  return kDTypes[0]; // unreachable for valid enum values
}

} // namespace

std::size_t dtype_size(DType type) { return info(type).size; }

std::string_view dtype_name(DType type) { return info(type).name; }

std::optional<DType> dtype_from_name(std::string_view name) {
  std::string upper(name);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  for (const auto &entry : kDTypes)
    if (entry.name == upper)
      return entry.type;
  return std::nullopt;
}

std::optional<DType> dtype_from_code(int code) {
  for (const auto &entry : kDTypes)
    if (static_cast<int>(entry.type) == code)
      return entry.type;
  return std::nullopt;
}

} // namespace qgold::ir
