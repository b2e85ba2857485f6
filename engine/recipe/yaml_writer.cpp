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

std::string ints(const std::vector<int32_t> &values) {
  return flow_list(values, [](int32_t d) { return std::to_string(d); });
}

// Operands, operations, inputs and outputs of a graph; `indent` prefixes
// every line (subgraphs are list items).
template <typename Graph> void write_graph(std::string &out, const Graph &graph, const std::string &indent) {
  auto line = [&](const std::string &text) { out += indent + text + "\n"; };
  line(graph.operands.empty() ? "operands: []" : "operands:");
  for (const Operand &operand : graph.operands) {
    line(fmt::format("  - name: {}", string_scalar(operand.name)));
    line(fmt::format("    type: {}", ir::dtype_name(operand.dtype)));
    line(fmt::format("    shape: {}", ints(operand.shape)));
    if (!operand.shape_signature.empty())
      line(fmt::format("    shape_signature: {}", ints(operand.shape_signature)));
    if (operand.filler) {
      line("    filler:");
      line(fmt::format("      tag: {}", string_scalar(operand.filler->tag)));
      line(fmt::format("      args: {}", names(operand.filler->args)));
    }
    if (operand.make_sparse)
      line("    make_sparse: true");
    if (operand.quant) {
      std::string quant;
      write_quant(quant, *operand.quant);
      for (size_t at = 0; at < quant.size();) {
        size_t next = quant.find('\n', at);
        out += indent + quant.substr(at, next + 1 - at);
        at = next + 1;
      }
    }
  }
  line(graph.operations.empty() ? "operations: []" : "operations:");
  for (const Operation &operation : graph.operations) {
    line(fmt::format("  - type: {}", ir::op_name(operation.code)));
    if (!operation.custom_code.empty())
      line(fmt::format("    custom_code: {}", string_scalar(operation.custom_code)));
    line(fmt::format("    inputs: {}", names(operation.inputs)));
    line(fmt::format("    outputs: {}", names(operation.outputs)));
    std::vector<ir::FieldInfo> fields = recipe_option_fields(operation.code);
    if (fields.empty())
      continue;
    line("    options:");
    for (const ir::FieldInfo &field : fields)
      line(fmt::format("      {}: {}", field.name,
                       option_text(ir::get_option(operation.options, field.name))));
  }
  line(fmt::format("inputs: {}", names(graph.inputs)));
  line(fmt::format("outputs: {}", names(graph.outputs)));
}

void write_entries(std::string &out, std::string_view key, const std::vector<Signature::Entry> &entries) {
  out += fmt::format("    {}:{}\n", key, entries.empty() ? " []" : "");
  for (const Signature::Entry &entry : entries)
    out += entry.index ? fmt::format("      - {{name: {}, tensor_index: {}}}\n", string_scalar(entry.alias), *entry.index)
                       : fmt::format("      - {{name: {}, tensor: {}}}\n", string_scalar(entry.alias),
                                     string_scalar(entry.tensor));
}

} // namespace

std::string to_yaml(const Recipe &recipe) {
  std::string out;
  out += fmt::format("name: {}\n", string_scalar(recipe.name));
  out += fmt::format("seed: {}\n", recipe.seed);
  write_graph(out, recipe, "");
  if (!recipe.subgraphs.empty())
    out += "subgraphs:\n";
  for (const Subgraph &graph : recipe.subgraphs) {
    out += fmt::format("  - name: {}\n", string_scalar(graph.name));
    write_graph(out, graph, "    ");
  }
  if (!recipe.signatures.empty())
    out += "signature_defs:\n";
  for (const Signature &signature : recipe.signatures) {
    out += fmt::format("  - key: {}\n", string_scalar(signature.key));
    out += fmt::format("    subgraph: {}\n", signature.subgraph);
    write_entries(out, "inputs", signature.inputs);
    write_entries(out, "outputs", signature.outputs);
  }
  if (recipe.ext_offset)
    out += "ext_offset: true\n";
  if (recipe.calibration)
    write_calibration(out, *recipe.calibration);
  if (!recipe.tests.empty())
    out += "tests:\n";
  for (const TestConfig &test : recipe.tests)
    write_test(out, test);
  return out;
}

} // namespace qgold::recipe
