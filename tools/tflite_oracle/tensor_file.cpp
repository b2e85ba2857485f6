#include "tools/tflite_oracle/tensor_file.h"

#include "format/output_file.h"
#include "ir/error.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <array>
#include <fstream>
#include <sstream>

namespace qgold::oracle {
namespace {

constexpr std::string_view kFormat = "qgold-tflite-oracle/1";

struct NamedDType {
  std::string_view name;
  ir::DType dtype;
};
constexpr std::array<NamedDType, 8> kDTypes{{{"float32", ir::DType::Float32},
                                             {"float64", ir::DType::Float64},
                                             {"int8", ir::DType::Int8},
                                             {"uint8", ir::DType::UInt8},
                                             {"int16", ir::DType::Int16},
                                             {"int32", ir::DType::Int32},
                                             {"int64", ir::DType::Int64},
                                             {"bool", ir::DType::Bool}}};

std::string to_hex(const std::vector<uint8_t> &bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (uint8_t byte : bytes) {
    hex.push_back(kDigits[byte >> 4]);
    hex.push_back(kDigits[byte & 15]);
  }
  return hex;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

std::vector<uint8_t> from_hex(const std::string &hex, const std::string &where) {
  if (hex.size() % 2)
    throw InputError(where + ": \"hex\" has an odd number of digits");
  std::vector<uint8_t> bytes(hex.size() / 2);
  for (size_t i = 0; i < bytes.size(); ++i) {
    int high = hex_digit(hex[2 * i]), low = hex_digit(hex[2 * i + 1]);
    if (high < 0 || low < 0)
      throw InputError(fmt::format("{}: \"hex\" has a non-hex character at {}", where, 2 * i));
    bytes[i] = static_cast<uint8_t>(high * 16 + low);
  }
  return bytes;
}

OracleTensor read_tensor(const nlohmann::json &json, const std::string &where) {
  if (!json.is_object())
    throw InputError(where + ": expected an object");
  OracleTensor tensor;
  auto string_field = [&](const char *key) {
    if (!json.contains(key))
      return std::string();
    if (!json[key].is_string())
      throw InputError(fmt::format("{}: \"{}\" must be a string", where, key));
    return json[key].get<std::string>();
  };
  tensor.name = string_field("name");
  tensor.kind = string_field("kind");
  std::string dtype = string_field("dtype");
  auto named = std::find_if(kDTypes.begin(), kDTypes.end(),
                            [&](const NamedDType &entry) { return entry.name == dtype; });
  if (named == kDTypes.end())
    throw InputError(fmt::format("{}: \"dtype\" '{}' is not one of float32 float64 int8 uint8 "
                                 "int16 int32 int64 bool", where, dtype));
  tensor.dtype = named->dtype;
  if (!json.contains("shape") || !json["shape"].is_array())
    throw InputError(where + ": \"shape\" must be an array");
  for (const auto &dim : json["shape"]) {
    if (!dim.is_number_integer() || dim.get<int64_t>() < 0 || dim.get<int64_t>() > INT32_MAX)
      throw InputError(where + ": \"shape\" must hold non-negative 32-bit integers");
    tensor.shape.push_back(dim.get<int32_t>());
  }
  if (!json.contains("hex"))
    throw InputError(where + ": no \"hex\" (qgold reads the exact bytes, not \"values\")");
  tensor.bytes = from_hex(string_field("hex"), where);
  size_t want = static_cast<size_t>(ir::num_elements(tensor.shape)) * ir::dtype_size(tensor.dtype);
  if (tensor.bytes.size() != want)
    throw InputError(fmt::format("{}: \"hex\" holds {} bytes; {} {} needs {}", where,
                                 tensor.bytes.size(), dtype, ir::shape_to_string(tensor.shape),
                                 want));
  return tensor;
}

} // namespace

std::string oracle_dtype_name(ir::DType dtype) {
  for (const auto &entry : kDTypes)
    if (entry.dtype == dtype)
      return std::string(entry.name);
  throw UnsupportedError(fmt::format("the oracle's tensor file has no dtype {}",
                                     ir::dtype_name(dtype)));
}

std::vector<OracleRecord> read_tensor_file(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError(fmt::format("{}: cannot open the tensor file", path.string()));
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, false);
  std::string file = path.string();
  if (json.is_discarded())
    throw InputError(file + ": not valid JSON");
  if (!json.is_object() || !json.contains("records") || !json["records"].is_array())
    throw InputError(file + ": expected an object with a \"records\" array");
  if (json.contains("format") && json["format"] != kFormat)
    throw InputError(fmt::format("{}: \"format\" is {}, expected \"{}\"", file,
                                 json["format"].dump(), kFormat));
  std::vector<OracleRecord> records;
  for (size_t r = 0; r < json["records"].size(); ++r) {
    const auto &record = json["records"][r];
    std::string where = fmt::format("{}: record {}", file, r);
    if (!record.is_object() || !record.contains("tensors") || !record["tensors"].is_array())
      throw InputError(where + ": expected an object with a \"tensors\" array");
    OracleRecord out;
    if (record.contains("id"))
      out.id = record["id"].is_string() ? record["id"].get<std::string>() : record["id"].dump();
    for (size_t t = 0; t < record["tensors"].size(); ++t)
      out.tensors.push_back(read_tensor(record["tensors"][t], fmt::format("{}, tensor {}", where, t)));
    records.push_back(std::move(out));
  }
  return records;
}

void write_tensor_file(const std::filesystem::path &path, const std::vector<OracleRecord> &records) {
  nlohmann::json json{{"format", kFormat}, {"records", nlohmann::json::array()}};
  for (const auto &record : records) {
    nlohmann::json tensors = nlohmann::json::array();
    for (const auto &tensor : record.tensors) {
      nlohmann::json out{{"name", tensor.name},
                         {"dtype", oracle_dtype_name(tensor.dtype)},
                         {"shape", tensor.shape},
                         {"hex", to_hex(tensor.bytes)}};
      if (!tensor.kind.empty())
        out["kind"] = tensor.kind;
      tensors.push_back(std::move(out));
    }
    json["records"].push_back({{"id", record.id}, {"tensors", std::move(tensors)}});
  }
  format::write_output_file(path, json.dump() + "\n");
}

std::vector<const OracleTensor *> graph_outputs(const OracleRecord &record) {
  std::vector<const OracleTensor *> outputs;
  for (const auto &tensor : record.tensors)
    if (tensor.kind == "output")
      outputs.push_back(&tensor);
  return outputs;
}

const OracleTensor *find_tensor(const OracleRecord &record, const std::string &name) {
  for (const auto &tensor : record.tensors)
    if (tensor.name == name)
      return &tensor;
  return nullptr;
}

} // namespace qgold::oracle
