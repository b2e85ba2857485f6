// Writes a recipe in qgold's YAML form. The output is deterministic (fixed key
// order, every option written, floats in shortest round-trip form) so that it
// can be diffed and parsed back to an equal recipe.
#include "recipe/option_fields.h"
#include "recipe/recipe.h"
#include "recipe/scalar.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace qgold::recipe {
namespace {

bool is_identifier(std::string_view text) {
  if (text.empty() || !(std::isalpha(static_cast<unsigned char>(text[0])) || text[0] == '_'))
    return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

// Plain decimal numbers are left unquoted; "0x10", ".5" or "1e" are quoted.
bool is_plain_number(std::string_view text) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
      ++i;
    return i > start;
  };
  if (i < text.size() && text[i] == '-')
    ++i;
  if (!digits())
    return false;
  if (i < text.size() && text[i] == '.') {
    ++i;
    digits();
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '+'))
      ++i;
    if (!digits())
      return false;
  }
  return i == text.size();
}

// Words a YAML reader could take for booleans or null when left plain.
bool is_yaml_keyword(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static constexpr std::array<std::string_view, 9> kKeywords = {
      "true", "false", "null", "yes", "no", "on", "off", "y", "n"};
  return std::find(kKeywords.begin(), kKeywords.end(), lower) != kKeywords.end();
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\')
      out += fmt::format("\\{}", c);
    else if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (byte < 0x20 || byte == 0x7f)
      out += fmt::format("\\x{:02x}", byte);
    else
      out += c;
  }
  return out + "\"";
}

std::string string_scalar(std::string_view text) {
  if ((is_identifier(text) && !is_yaml_keyword(text)) || is_plain_number(text))
    return std::string(text);
  return quoted(text);
}

template <typename T, typename Format>
std::string flow_list(const std::vector<T> &values, Format format) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i)
    out += (i ? ", " : "") + format(values[i]);
  return out + "]";
}

std::string names(const std::vector<std::string> &values) {
  return flow_list(values, [](const std::string &name) { return string_scalar(name); });
}

std::string option_text(const ir::FieldValue &value) {
  return std::visit(
      [](const auto &v) -> std::string {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, ir::Padding>)
          return std::string(ir::padding_name(v));
        else if constexpr (std::is_same_v<V, ir::Activation>)
          return std::string(ir::activation_name(v));
        else if constexpr (std::is_same_v<V, ir::MirrorPadMode>)
          return std::string(ir::mirror_pad_mode_name(v));
        else if constexpr (std::is_same_v<V, ir::DType>)
          return std::string(ir::dtype_name(v));
        else if constexpr (std::is_same_v<V, bool>)
          return v ? "true" : "false";
        else if constexpr (std::is_same_v<V, float>)
          return format_float(v);
        else if constexpr (std::is_same_v<V, int32_t>)
          return std::to_string(v);
        else
          return flow_list(v, [](int32_t d) { return std::to_string(d); });
      },
      value);
}

void write_quant(std::string &out, const ir::QuantParams &quant) {
  auto floats = [](const std::vector<float> &values) {
    return flow_list(values, [](float v) { return format_float(v); });
  };
  out += "    quant:\n";
  out += fmt::format("      min: {}\n", floats(quant.min));
  out += fmt::format("      max: {}\n", floats(quant.max));
  out += fmt::format("      scale: {}\n", floats(quant.scale));
  out += fmt::format("      zero_point: {}\n",
                     flow_list(quant.zero_point, [](int64_t v) { return std::to_string(v); }));
  out += fmt::format("      quantized_dimension: {}\n", quant.quantized_dimension);
}

void write_calibration(std::string &out, const Calibration &calibration) {
  out += fmt::format("calibration: {{records: {}, min: {}, max: {}", calibration.records,
                     format_float(calibration.min), format_float(calibration.max));
  if (calibration.seed)
    out += fmt::format(", seed: {}", *calibration.seed);
  out += "}\n";
}

void write_test(std::string &out, const TestConfig &test) {
  out += fmt::format("  - granularity: {}\n", test.granularity);
  out += fmt::format("    dtype: {}\n", test_dtype_name(test.dtype));
  if (test.weights_only)
    out += "    weights_only: true\n";
  if (test.qconf.empty())
    return;
  out += "    qconf:\n";
  for (const QConfLayer &layer : test.qconf) {
    if (layer.single_name && layer.names.size() == 1)
      out += fmt::format("      - name: {}\n", string_scalar(layer.names[0]));
    else
      out += fmt::format("      - names: {}\n", names(layer.names));
    out += fmt::format("        dtype: {}\n", test_dtype_name(layer.dtype));
    out += fmt::format("        granularity: {}\n", layer.granularity);
  }
}

} // namespace

std::string to_yaml(const Recipe &recipe) {
  std::string out;
  out += fmt::format("name: {}\n", string_scalar(recipe.name));
  out += fmt::format("seed: {}\n", recipe.seed);
  out += recipe.operands.empty() ? "operands: []\n" : "operands:\n";
  for (const Operand &operand : recipe.operands) {
    out += fmt::format("  - name: {}\n", string_scalar(operand.name));
    out += fmt::format("    type: {}\n", ir::dtype_name(operand.dtype));
    out += fmt::format("    shape: {}\n",
                       flow_list(operand.shape, [](int32_t d) { return std::to_string(d); }));
    if (operand.filler) {
      out += "    filler:\n";
      out += fmt::format("      tag: {}\n", string_scalar(operand.filler->tag));
      out += fmt::format("      args: {}\n", names(operand.filler->args));
    }
    if (operand.quant)
      write_quant(out, *operand.quant);
  }
  out += recipe.operations.empty() ? "operations: []\n" : "operations:\n";
  for (const Operation &operation : recipe.operations) {
    out += fmt::format("  - type: {}\n", ir::op_name(operation.code));
    out += fmt::format("    inputs: {}\n", names(operation.inputs));
    out += fmt::format("    outputs: {}\n", names(operation.outputs));
    std::vector<ir::FieldInfo> fields = recipe_option_fields(operation.code);
    if (fields.empty())
      continue;
    out += "    options:\n";
    for (const ir::FieldInfo &field : fields)
      out += fmt::format("      {}: {}\n", field.name,
                         option_text(ir::get_option(operation.options, field.name)));
  }
  out += fmt::format("inputs: {}\n", names(recipe.inputs));
  out += fmt::format("outputs: {}\n", names(recipe.outputs));
  if (recipe.calibration)
    write_calibration(out, *recipe.calibration);
  if (!recipe.tests.empty())
    out += "tests:\n";
  for (const TestConfig &test : recipe.tests)
    write_test(out, test);
  return out;
}

} // namespace qgold::recipe
