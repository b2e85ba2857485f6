#include "harness/golden/golden.h"

#include "harness/util/atomic_file.h"

#include "ir/error.h"

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace qgold::harness {

using nlohmann::json;

GoldenArray GoldenArray::scalar(double value) {
  GoldenArray array;
  array.is_scalar = true;
  array.floats = {value};
  return array;
}

GoldenArray GoldenArray::list(std::vector<double> values) {
  ir::Shape shape{static_cast<int32_t>(values.size())};
  return float_list(std::move(values), std::move(shape));
}

GoldenArray GoldenArray::int_list(std::vector<int64_t> values, ir::Shape shape) {
  GoldenArray array;
  array.integral = true;
  array.ints = std::move(values);
  array.shape = std::move(shape);
  return array;
}

GoldenArray GoldenArray::float_list(std::vector<double> values, ir::Shape shape) {
  GoldenArray array;
  array.floats = std::move(values);
  array.shape = std::move(shape);
  return array;
}

namespace {

// Deeper nesting is no tensor; the limit also bounds the recursion below.
constexpr size_t kMaxRank = 16;

constexpr std::array<const char *, 6> kKeys = {"weights", "scale", "zero_point",
                                               "min",     "max",   "codes"};

std::optional<GoldenArray> Golden::*key_member(std::string_view key) {
  if (key == "weights")
    return &Golden::weights;
  if (key == "scale")
    return &Golden::scale;
  if (key == "zero_point")
    return &Golden::zero_point;
  if (key == "min")
    return &Golden::min;
  if (key == "max")
    return &Golden::max;
  if (key == "codes")
    return &Golden::codes;
  return nullptr;
}

const char *json_kind(const json &value) {
  if (value.is_array())
    return "a list";
  if (value.is_number())
    return "a number";
  if (value.is_string())
    return "a string";
  if (value.is_boolean())
    return "a boolean";
  if (value.is_null())
    return "null";
  return "an object";
}

// Reads one key: finds the shape by following first elements, then checks
// that every list at depth d has shape[d] elements and every leaf is a number.
class ArrayReader {
public:
  explicit ArrayReader(const std::string &origin) : origin_(origin) {}

  GoldenArray read(const json &value, const std::string &path) {
    GoldenArray array;
    if (!value.is_array() && !value.is_number())
      fail(path, fmt::format("expected a number or a list of numbers, got {}", json_kind(value)));
    array.is_scalar = value.is_number();
    for (const json *node = &value; node->is_array(); node = &(*node)[0]) {
      if (array.shape.size() == kMaxRank)
        fail(path, fmt::format("lists nested deeper than {} levels", kMaxRank));
      array.shape.push_back(static_cast<int32_t>(node->size()));
      if (node->empty())
        break;
    }
    leaves_.clear();
    all_integral_ = true;
    walk(value, path, 0, array.shape);
    array.integral = all_integral_ && !leaves_.empty();
    for (const json *leaf : leaves_) {
      if (array.integral)
        array.ints.push_back(leaf->get<int64_t>());
      else
        array.floats.push_back(leaf->get<double>());
    }
    return array;
  }

private:
  void walk(const json &node, const std::string &path, size_t depth, const ir::Shape &shape) {
    if (depth == shape.size()) {
      if (!node.is_number())
        fail(path, fmt::format("expected a number, got {}", json_kind(node)));
      // Integers beyond int64 are kept as doubles.
      if (node.is_number_float() ||
          (node.is_number_unsigned() && node.get<uint64_t>() > uint64_t(INT64_MAX)))
        all_integral_ = false;
      leaves_.push_back(&node);
      return;
    }
    if (!node.is_array() || node.size() != static_cast<size_t>(shape[depth]))
      fail(path, fmt::format("expected a list of {} elements (shape {}), got {}{}", shape[depth],
                             ir::shape_to_string(shape), json_kind(node),
                             node.is_array() ? fmt::format(" of {} elements", node.size()) : ""));
    for (size_t i = 0; i < node.size(); ++i)
      walk(node[i], fmt::format("{}[{}]", path, i), depth + 1, shape);
  }

  [[noreturn]] void fail(const std::string &path, const std::string &message) {
    throw InputError(fmt::format("{}: golden key {}: {}", origin_, path, message));
  }

  const std::string &origin_;
  std::vector<const json *> leaves_;
  bool all_integral_ = true;
};

// Python's float repr: shortest round-trip digits; positional notation when
// the decimal exponent is in [-4, 16), otherwise d.ddde+XX.
std::string repr_finite(double value) {
  std::array<char, 64> buffer;
  auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                              std::chars_format::scientific);
  std::string text(buffer.data(), result.ptr);
  std::string sign;
  if (text.front() == '-') {
    sign = "-";
    text.erase(0, 1);
  }
  size_t e = text.find('e');
  int exponent = std::stoi(text.substr(e + 1));
  std::string digits = text.substr(0, e);
  if (digits.size() > 1)
    digits.erase(1, 1); // the '.'
  int point = exponent + 1; // digits are 0.d1d2... * 10^point
  int count = static_cast<int>(digits.size());
  if (point > -4 && point <= 16) {
    if (point <= 0)
      return sign + "0." + std::string(-point, '0') + digits;
    if (point >= count)
      return sign + digits + std::string(point - count, '0') + ".0";
    return sign + digits.substr(0, point) + "." + digits.substr(point);
  }
  std::string mantissa = digits.substr(0, 1);
  if (count > 1)
    mantissa += "." + digits.substr(1);
  return fmt::format("{}{}e{}{:02d}", sign, mantissa, exponent < 0 ? '-' : '+', std::abs(exponent));
}

void write_number(std::string &out, const GoldenArray &array, size_t index) {
  if (array.integral)
    out += std::to_string(array.ints[index]);
  else
    out += python_float_repr(array.floats[index]);
}

// json.dumps(indent=2) layout of a nested list starting at flat `index`;
// with `inline_rows`, each innermost list on one line ("[1, 2, 3]").
void write_list(std::string &out, const GoldenArray &array, size_t depth, size_t &index,
                int indent, bool inline_rows) {
  if (depth == array.shape.size()) {
    write_number(out, array, index++);
    return;
  }
  int32_t count = array.shape[depth];
  if (count == 0) {
    out += "[]";
    return;
  }
  if (inline_rows && depth + 1 == array.shape.size()) {
    out += "[";
    for (int32_t i = 0; i < count; ++i) {
      out += i ? ", " : "";
      write_number(out, array, index++);
    }
    out += "]";
    return;
  }
  out += "[\n";
  for (int32_t i = 0; i < count; ++i) {
    out += std::string(indent + 2, ' ');
    write_list(out, array, depth + 1, index, indent + 2, inline_rows);
    out += i + 1 < count ? ",\n" : "\n";
  }
  out += std::string(indent, ' ') + "]";
}

std::string read_text(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError(fmt::format("{}: cannot open golden file", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

template <typename T> std::vector<double> to_doubles(const std::vector<T> &values) {
  return std::vector<double>(values.begin(), values.end());
}

template <typename T> std::vector<int64_t> int_values(const ir::Tensor &tensor) {
  auto values = tensor.values<T>();
  return std::vector<int64_t>(values.begin(), values.end());
}

GoldenArray weights_view(const ir::Tensor &tensor) {
  size_t element_size = ir::dtype_size(tensor.dtype);
  int64_t count = tensor.num_elements();
  if (count < 0 || element_size == 0 || tensor.data->size() != size_t(count) * element_size)
    throw InputError(fmt::format("tensor '{}': constant data has {} bytes, expected {} {} values",
                                 tensor.name, tensor.data->size(), count,
                                 ir::dtype_name(tensor.dtype)));
  switch (tensor.dtype) {
  case ir::DType::Float32:
    return GoldenArray::float_list(to_doubles(tensor.values<float>()), tensor.shape);
  case ir::DType::UInt8:
    return GoldenArray::int_list(int_values<uint8_t>(tensor), tensor.shape);
  case ir::DType::Int8:
    return GoldenArray::int_list(int_values<int8_t>(tensor), tensor.shape);
  case ir::DType::Int16:
    return GoldenArray::int_list(int_values<int16_t>(tensor), tensor.shape);
  case ir::DType::Int32:
    return GoldenArray::int_list(int_values<int32_t>(tensor), tensor.shape);
  case ir::DType::Int64:
    return GoldenArray::int_list(tensor.values<int64_t>(), tensor.shape);
  default:
    throw UnsupportedError(fmt::format("tensor '{}': cannot dump constant data of type {}",
                                       tensor.name, ir::dtype_name(tensor.dtype)));
  }
}

} // namespace

Golden parse_golden(const std::string &text, const std::string &origin) {
  json document;
  try {
    document = json::parse(text);
  } catch (const json::exception &error) { // parse_error, or out_of_range for a number like 1e999
    throw InputError(fmt::format("{}: not valid JSON: {}", origin, error.what()));
  }
  if (!document.is_object())
    throw InputError(fmt::format("{}: golden must be a JSON object, got {}", origin,
                                 json_kind(document)));
  Golden golden;
  ArrayReader reader(origin);
  for (const auto &[key, value] : document.items()) {
    auto member = key_member(key);
    if (!member)
      throw InputError(fmt::format("{}: unknown golden key '{}' (expected weights, scale, "
                                   "zero_point, min, max or codes)",
                                   origin, key));
    golden.*member = reader.read(value, key);
  }
  return golden;
}

Golden read_golden(const std::filesystem::path &path) {
  return parse_golden(read_text(path), path.string());
}

std::string python_float_repr(double value) {
  if (std::isnan(value))
    return "NaN";
  if (std::isinf(value))
    return value < 0 ? "-Infinity" : "Infinity";
  return repr_finite(value);
}

std::string golden_to_json(const Golden &golden) {
  std::string out = "{";
  bool first = true;
  for (const char *key : kKeys) {
    const auto &array = golden.*key_member(key);
    if (!array)
      continue;
    out += first ? "\n" : ",\n";
    first = false;
    out += fmt::format("  \"{}\": ", key);
    size_t index = 0;
    if (array->is_scalar && array->size() == 1)
      write_number(out, *array, 0);
    else
      write_list(out, *array, 0, index, 2, std::string_view(key) == "codes");
  }
  out += first ? "}\n" : "\n}\n";
  return out;
}

void write_golden(const Golden &golden, const std::filesystem::path &path) {
  write_file_atomically(path, golden_to_json(golden));
}

Golden golden_view(const ir::Tensor &tensor) {
  Golden golden;
  if (tensor.data)
    golden.weights = weights_view(tensor);
  if (tensor.quant) {
    const ir::QuantParams &quant = *tensor.quant;
    auto add = [](std::optional<GoldenArray> &slot, std::vector<double> values) {
      if (!values.empty())
        slot = GoldenArray::list(std::move(values));
    };
    add(golden.min, to_doubles(quant.min));
    add(golden.max, to_doubles(quant.max));
    add(golden.scale, to_doubles(quant.scale));
    add(golden.zero_point, to_doubles(quant.zero_point));
  }
  return golden;
}

} // namespace qgold::harness
