#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace qgold::ir {

// Values are the Circle/TFLite TensorType codes, so they serialize as they are.
enum class DType : int8_t {
  Float32 = 0,
  Float16 = 1,
  Int32 = 2,
  UInt8 = 3,
  Int64 = 4,
  String = 5,
  Bool = 6,
  Int16 = 7,
  Int8 = 9,
  Float64 = 10,
};

// Bytes per element; 0 for types without a fixed element size (String).
std::size_t dtype_size(DType type);

// Upper-case schema name: "FLOAT32", "UINT8", ...
std::string_view dtype_name(DType type);

// Accepts the schema name in any case ("FLOAT32", "float32"), and the short
// names "uint8", "int16", ... used on the command line.
std::optional<DType> dtype_from_name(std::string_view name);

// The dtype for a raw schema code, or nullopt for codes qgold does not know.
std::optional<DType> dtype_from_code(int code);

} // namespace qgold::ir
