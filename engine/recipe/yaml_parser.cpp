// qgold's YAML recipe format (documented in recipes/README.md). The reader is
// strict: every key, op, option and enum name is checked, and every error
// points at the line:column of the offending node.
#include "recipe/filler.h"
#include "recipe/option_fields.h"
#include "recipe/recipe.h"
#include "recipe/scalar.h"

#include "ir/error.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <set>

namespace qgold::recipe {
namespace {

std::string_view node_kind(const YAML::Node &node) {
  switch (node.Type()) {
  case YAML::NodeType::Null:
    return "nothing (null)";
  case YAML::NodeType::Scalar:
    return "a scalar";
  case YAML::NodeType::Sequence:
    return "a sequence";
  case YAML::NodeType::Map:
    return "a mapping";
  default:
    return "an undefined node";
  }
}

constexpr int64_t kMaxCalibrationRecords = 100000;

std::string join(std::initializer_list<std::string_view> names) {
  std::string out;
  for (std::string_view name : names)
    out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

class YamlRecipeReader {
public:
  explicit YamlRecipeReader(std::string file) : file_(std::move(file)) {}

  Recipe read(const YAML::Node &root) {
    Recipe recipe;
    recipe.location = {file_, 0, 0};
    expect(root, YAML::NodeType::Map, "a mapping with the recipe keys at the top level");
    check_keys(root,
               {"name", "seed", "operands", "operations", "inputs", "outputs", "subgraphs",
                "signature_defs", "ext_offset", "calibration", "tests"},
               "recipe");
    if (root["name"])
      recipe.name = scalar(root["name"], "the model name");
    if (root["seed"]) {
      const YAML::Node &seed = root["seed"];
      auto value = parse_uint64(scalar(seed, "an unsigned 64-bit seed"));
      if (!value)
        fail(seed, fmt::format("expected an unsigned 64-bit seed, got '{}'", seed.Scalar()));
      recipe.seed = *value;
    }
    read_graph(root, "recipe", recipe);
    if (root["subgraphs"])
      for (const YAML::Node &item : sequence(root["subgraphs"], "subgraphs"))
        recipe.subgraphs.push_back(read_subgraph(item));
    if (root["signature_defs"])
      for (const YAML::Node &item : sequence(root["signature_defs"], "signature defs"))
        recipe.signatures.push_back(read_signature(item));
    if (root["ext_offset"])
      recipe.ext_offset = boolean(root["ext_offset"]);
    if (root["calibration"])
      recipe.calibration = read_calibration(root["calibration"]);
    if (root["tests"])
      for (const YAML::Node &item : sequence(root["tests"], "test configurations"))
        recipe.tests.push_back(read_test(item, recipe.tests));
    return recipe;
  }

private:
  // The main graph (the recipe's top level) and each subgraph have these keys.
  template <typename Graph>
  void read_graph(const YAML::Node &node, std::string_view context, Graph &graph) {
    for (const YAML::Node &item : sequence(required(node, "operands", context), "operands"))
      graph.operands.push_back(read_operand(item));
    for (const YAML::Node &item : sequence(required(node, "operations", context), "operations"))
      graph.operations.push_back(read_operation(item));
    graph.inputs = names(required(node, "inputs", context), "graph inputs");
    graph.outputs = names(required(node, "outputs", context), "graph outputs");
  }

  Subgraph read_subgraph(const YAML::Node &node) {
    expect(node, YAML::NodeType::Map, "a subgraph mapping {name, operands, operations, ...}");
    check_keys(node, {"name", "operands", "operations", "inputs", "outputs"}, "subgraph");
    Subgraph graph;
    graph.location = location(node);
    if (node["name"])
      graph.name = scalar(node["name"], "the subgraph name");
    read_graph(node, "subgraph", graph);
    return graph;
  }

  Signature read_signature(const YAML::Node &node) const {
    expect(node, YAML::NodeType::Map, "a signature mapping {key, subgraph, inputs, outputs}");
    check_keys(node, {"key", "subgraph", "inputs", "outputs"}, "signature def");
    Signature signature;
    signature.location = location(node);
    if (node["key"])
      signature.key = scalar(node["key"], "the signature key");
    if (const YAML::Node index = node["subgraph"]) {
      auto value = parse_uint64(scalar(index, "a subgraph index"));
      if (!value || *value > UINT32_MAX)
        fail(index, fmt::format("expected a subgraph index, got '{}'", index.Scalar()));
      signature.subgraph = static_cast<uint32_t>(*value);
    }
    for (const char *key : {"inputs", "outputs"})
      if (node[key])
        for (const YAML::Node &item : sequence(node[key], "signature entries"))
          (key[0] == 'i' ? signature.inputs : signature.outputs).push_back(read_entry(item));
    return signature;
  }

  Signature::Entry read_entry(const YAML::Node &node) const {
    expect(node, YAML::NodeType::Map, "a signature entry {name, tensor} or {name, tensor_index}");
    check_keys(node, {"name", "tensor", "tensor_index"}, "signature entry");
    Signature::Entry entry;
    entry.location = location(node);
    if (node["name"])
      entry.alias = scalar(node["name"], "the entry's alias name");
    if (bool(node["tensor"]) == bool(node["tensor_index"]))
      fail(node, "a signature entry needs exactly one of 'tensor' and 'tensor_index'");
    if (node["tensor"])
      entry.tensor = scalar(node["tensor"], "an operand name");
    if (const YAML::Node index = node["tensor_index"]) {
      auto value = parse_uint64(scalar(index, "an operand index"));
      if (!value || *value > UINT32_MAX)
        fail(index, fmt::format("expected an operand index, got '{}'", index.Scalar()));
      entry.index = static_cast<uint32_t>(*value);
    }
    return entry;
  }

  bool boolean(const YAML::Node &node) const {
    auto value = parse_bool(scalar(node, "true or false"));
    if (!value)
      fail(node, fmt::format("expected true or false, got '{}'", node.Scalar()));
    return *value;
  }

  SourceLocation location(const YAML::Node &node) const {
    YAML::Mark mark = node.Mark();
    return {file_, mark.line + 1, mark.column + 1};
  }

  [[noreturn]] void fail(const YAML::Node &node, const std::string &message) const {
    throw InputError(fmt::format("{}: {}", location(node).to_string(), message));
  }

  void expect(const YAML::Node &node, YAML::NodeType::value type, std::string_view what) const {
    if (node.Type() != type)
      fail(node, fmt::format("expected {}, got {}", what, node_kind(node)));
  }

  std::string scalar(const YAML::Node &node, std::string_view what) const {
    expect(node, YAML::NodeType::Scalar, what);
    return node.Scalar();
  }

  std::vector<YAML::Node> sequence(const YAML::Node &node, std::string_view what) const {
    expect(node, YAML::NodeType::Sequence, fmt::format("a sequence of {}", what));
    return {node.begin(), node.end()};
  }

  // Every key must be one of `allowed` and appear once.
  void check_keys(const YAML::Node &map, std::initializer_list<std::string_view> allowed,
                  std::string_view context) const {
    std::set<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      std::string key = scalar(it->first, fmt::format("a key of {}", context));
      bool known = false;
      for (std::string_view name : allowed)
        known = known || key == name;
      if (!known)
        fail(it->first, fmt::format("unknown key '{}' in {} (expected one of: {})", key, context,
                                    join(allowed)));
      if (!seen.insert(key).second)
        fail(it->first, fmt::format("duplicate key '{}' in {}", key, context));
    }
  }

  YAML::Node required(const YAML::Node &map, const char *key, std::string_view context) const {
    YAML::Node node = map[key];
    if (!node)
      fail(map, fmt::format("{} needs the key '{}'", context, key));
    return node;
  }

  std::vector<std::string> names(const YAML::Node &node, std::string_view what) const {
    std::vector<std::string> result;
    for (const YAML::Node &item : sequence(node, fmt::format("{} (operand names)", what)))
      result.push_back(scalar(item, "an operand name"));
    return result;
  }

  template <typename T, typename Parse>
  std::vector<T> numbers(const YAML::Node &node, std::string_view what, Parse parse) const {
    std::vector<T> result;
    for (const YAML::Node &item : sequence(node, what)) {
      auto value = parse(scalar(item, what));
      if (!value)
        fail(item, fmt::format("expected {}, got '{}'", what, item.Scalar()));
      result.push_back(static_cast<T>(*value));
    }
    return result;
  }

  Operand read_operand(const YAML::Node &node) {
    expect(node, YAML::NodeType::Map, "an operand mapping {name, type, shape, ...}");
    check_keys(node, {"name", "type", "shape", "shape_signature", "filler", "quant", "make_sparse"},
               "operand");
    Operand operand;
    operand.location = location(node);
    operand.name = scalar(required(node, "name", "operand"), "the operand name");
    const YAML::Node type = required(node, "type", "operand");
    operand.dtype = read_dtype(type);
    for (int32_t dim : numbers<int32_t>(required(node, "shape", "operand"),
                                        "a non-negative 32-bit dim", parse_int32)) {
      if (dim < 0)
        fail(node["shape"], fmt::format("shape dims must be >= 0, got {}", dim));
      operand.shape.push_back(dim);
    }
    if (node["filler"])
      operand.filler = read_filler(node["filler"]);
    if (node["quant"])
      operand.quant = read_quant(node["quant"]);
    if (node["shape_signature"])
      operand.shape_signature =
          numbers<int32_t>(node["shape_signature"], "a 32-bit dim (-1: dynamic)", parse_int32);
    if (node["make_sparse"])
      operand.make_sparse = boolean(node["make_sparse"]);
    return operand;
  }

  ir::DType read_dtype(const YAML::Node &node) const {
    std::string name = scalar(node, "a tensor type");
    if (auto dtype = recipe_dtype(name))
      return *dtype;
    fail(node, fmt::format("unknown tensor type '{}' (expected one of: {})", name,
                           recipe_dtype_names()));
  }

  Filler read_filler(const YAML::Node &node) const {
    expect(node, YAML::NodeType::Map, "a filler mapping {tag, args}");
    check_keys(node, {"tag", "args"}, "filler");
    Filler filler;
    filler.location = location(node);
    filler.tag = scalar(required(node, "tag", "filler"), "a filler tag");
    if (node["args"])
      for (const YAML::Node &arg : sequence(node["args"], "filler args"))
        filler.args.push_back(scalar(arg, "a filler arg"));
    return filler;
  }

  ir::QuantParams read_quant(const YAML::Node &node) const {
    expect(node, YAML::NodeType::Map, "a quant mapping");
    check_keys(node, {"min", "max", "scale", "zero_point", "quantized_dimension"}, "quant");
    ir::QuantParams quant;
    if (node["min"])
      quant.min = numbers<float>(node["min"], "a float", parse_float);
    if (node["max"])
      quant.max = numbers<float>(node["max"], "a float", parse_float);
    if (node["scale"])
      quant.scale = numbers<float>(node["scale"], "a float", parse_float);
    if (node["zero_point"])
      quant.zero_point = numbers<int64_t>(node["zero_point"], "a 64-bit integer", parse_int64);
    if (const YAML::Node dim = node["quantized_dimension"]) {
      auto value = parse_int32(scalar(dim, "a 32-bit integer"));
      if (!value)
        fail(dim, fmt::format("expected a 32-bit integer, got '{}'", dim.Scalar()));
      quant.quantized_dimension = *value;
    }
    return quant;
  }

  Calibration read_calibration(const YAML::Node &node) const {
    expect(node, YAML::NodeType::Map, "a calibration mapping {records, min, max, seed}");
    check_keys(node, {"records", "min", "max", "seed"}, "calibration");
    Calibration calibration;
    calibration.location = location(node);
    if (const YAML::Node records = node["records"]) {
      auto value = parse_int64(scalar(records, "a record count"));
      if (!value || *value < 1 || *value > kMaxCalibrationRecords)
        fail(records, fmt::format("expected a record count from 1 to {}, got '{}'",
                                  kMaxCalibrationRecords, records.Scalar()));
      calibration.records = static_cast<uint32_t>(*value);
    }
    calibration.min = finite_float(node["min"], calibration.min);
    calibration.max = finite_float(node["max"], calibration.max);
    if (calibration.min > calibration.max)
      fail(node, fmt::format("calibration min {} is greater than max {}",
                             format_float(calibration.min), format_float(calibration.max)));
    if (const YAML::Node seed = node["seed"]) {
      auto value = parse_uint64(scalar(seed, "an unsigned 64-bit seed"));
      if (!value)
        fail(seed, fmt::format("expected an unsigned 64-bit seed, got '{}'", seed.Scalar()));
      calibration.seed = *value;
    }
    return calibration;
  }

  float finite_float(const YAML::Node &node, float fallback) const {
    if (!node)
      return fallback;
    auto value = parse_float(scalar(node, "a finite float"));
    if (!value || !std::isfinite(*value))
      fail(node, fmt::format("expected a finite float, got '{}'", node.Scalar()));
    return *value;
  }

  std::string granularity(const YAML::Node &node) const {
    std::string name = scalar(node, "a granularity");
    if (name != "layer" && name != "channel")
      fail(node, fmt::format("unknown granularity '{}' (expected layer or channel)", name));
    return name;
  }

  // `allowed` lists the accepted short names, e.g. {"uint8", "int16"}.
  ir::DType quantized_dtype(const YAML::Node &node,
                            std::initializer_list<std::string_view> allowed) const {
    std::string name = scalar(node, "a dtype");
    for (ir::DType dtype : {ir::DType::UInt8, ir::DType::Int8, ir::DType::Int16})
      for (std::string_view candidate : allowed)
        if (name == candidate && test_dtype_name(dtype) == candidate)
          return dtype;
    fail(node, fmt::format("unknown dtype '{}' (expected one of: {})", name, join(allowed)));
  }

  TestConfig read_test(const YAML::Node &node, const std::vector<TestConfig> &earlier) const {
    expect(node, YAML::NodeType::Map, "a test mapping {granularity, dtype, ...}");
    check_keys(node, {"granularity", "dtype", "weights_only", "qconf"}, "test");
    TestConfig test;
    test.location = location(node);
    const YAML::Node granularity_node = required(node, "granularity", "test");
    const YAML::Node dtype_node = required(node, "dtype", "test");
    test.granularity = granularity(granularity_node);
    test.dtype = quantized_dtype(dtype_node, {"uint8", "int8", "int16"});
    if (const YAML::Node flag = node["weights_only"]) {
      auto value = parse_bool(scalar(flag, "true or false"));
      if (!value)
        fail(flag, fmt::format("expected true or false, got '{}'", flag.Scalar()));
      test.weights_only = *value;
    }
    std::string_view dtype = test_dtype_name(test.dtype);
    if (test.weights_only) {
      if (test.dtype == ir::DType::UInt8)
        fail(dtype_node, "weights-only tests quantize to int8 or int16, got uint8");
      if (test.granularity != "channel")
        fail(granularity_node, fmt::format("weights-only tests are per channel, got {}",
                                           test.granularity));
    } else {
      // TFLite's int8 scheme quantizes weights per channel, as ONE's int16.
      if (test.dtype != ir::DType::UInt8 && test.granularity != "channel")
        fail(granularity_node, fmt::format("{} models are quantized per channel, got {}", dtype,
                                           test.granularity));
    }
    if (const YAML::Node qconf = node["qconf"]) {
      if (test.weights_only)
        fail(qconf, "a weights-only test takes no qconf");
      for (const YAML::Node &item : sequence(qconf, "qconf layers"))
        test.qconf.push_back(read_qconf_layer(item));
      if (test.qconf.empty())
        fail(qconf, "expected at least one qconf layer");
    }
    for (const TestConfig &other : earlier)
      if (other.granularity == test.granularity && other.dtype == test.dtype &&
          other.weights_only == test.weights_only && other.qconf.empty() == test.qconf.empty())
        fail(node, fmt::format("duplicate test {}/{}{}{} (first at {})", test.granularity, dtype,
                               test.weights_only ? " weights_only" : "",
                               test.qconf.empty() ? "" : " with qconf",
                               other.location.to_string()));
    return test;
  }

  QConfLayer read_qconf_layer(const YAML::Node &node) const {
    expect(node, YAML::NodeType::Map, "a qconf layer {name or names, dtype, granularity}");
    check_keys(node, {"name", "names", "dtype", "granularity"}, "qconf layer");
    QConfLayer layer;
    layer.location = location(node);
    if (node["name"] && node["names"])
      fail(node, "a qconf layer has 'name' or 'names', not both");
    if (node["name"]) {
      layer.names = {scalar(node["name"], "a tensor name")};
      layer.single_name = true;
    } else {
      layer.names = names(required(node, "names", "qconf layer"), "qconf layer names");
      if (layer.names.empty())
        fail(node["names"], "expected at least one tensor name");
    }
    layer.dtype = quantized_dtype(required(node, "dtype", "qconf layer"), {"uint8", "int16"});
    layer.granularity = granularity(required(node, "granularity", "qconf layer"));
    return layer;
  }

  Operation read_operation(const YAML::Node &node) const {
    expect(node, YAML::NodeType::Map, "an operation mapping {type, inputs, outputs, options}");
    check_keys(node, {"type", "inputs", "outputs", "options", "custom_code"}, "operation");
    Operation operation;
    operation.location = location(node);
    const YAML::Node type = required(node, "type", "operation");
    std::string type_name = scalar(type, "an operation type");
    auto code = ir::op_from_name(type_name);
    if (!code) {
      std::string supported;
      for (ir::OpCode op : ir::all_ops())
        supported += (supported.empty() ? "" : ", ") + std::string(ir::op_name(op));
      fail(type, fmt::format("unknown operation type '{}' (expected one of: {})", type_name,
                             supported));
    }
    operation.code = *code;
    operation.options = ir::default_options(*code);
    operation.inputs = names(required(node, "inputs", "operation"), "operation inputs");
    operation.outputs = names(required(node, "outputs", "operation"), "operation outputs");
    if (node["options"])
      read_options(node["options"], operation);
    if (const YAML::Node custom = node["custom_code"]) {
      if (operation.code != ir::OpCode::Custom)
        fail(custom, fmt::format("custom_code is for operation type 'Custom', not '{}'", type_name));
      operation.custom_code = scalar(custom, "a custom code");
    }
    if (operation.code == ir::OpCode::Custom && operation.custom_code.empty())
      fail(node, "operation type 'Custom' needs a custom_code");
    return operation;
  }

  void read_options(const YAML::Node &node, Operation &operation) const {
    std::vector<ir::FieldInfo> fields = recipe_option_fields(operation.code);
    std::string_view op = ir::op_name(operation.code);
    if (fields.empty() && node.IsMap() && node.size() > 0)
      fail(node, fmt::format("operation type '{}' has no options", op));
    expect(node, YAML::NodeType::Map, "an options mapping");
    std::string expected;
    for (const ir::FieldInfo &field : fields)
      expected += (expected.empty() ? "" : ", ") + std::string(field.name);
    std::set<std::string> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
      std::string key = scalar(it->first, "an option name");
      const ir::FieldInfo *field = nullptr;
      for (const ir::FieldInfo &candidate : fields)
        if (candidate.name == key)
          field = &candidate;
      if (!field)
        fail(it->first, fmt::format("unknown option '{}' for operation type '{}' (expected one "
                                    "of: {})",
                                    key, op, expected));
      if (!seen.insert(key).second)
        fail(it->first, fmt::format("duplicate option '{}'", key));
      ir::set_option(operation.options, key, option_value(it->second, *field));
    }
  }

  ir::FieldValue option_value(const YAML::Node &node, const ir::FieldInfo &field) const {
    std::string_view expected = ir::field_kind_description(field.kind);
    std::string what = fmt::format("{} for option '{}'", expected, field.name);
    if (field.kind == ir::FieldKind::IntList)
      return numbers<int32_t>(node, what, parse_int32);
    std::string text = scalar(node, what);
    switch (field.kind) {
    case ir::FieldKind::Padding:
      if (auto padding = ir::padding_from_name(text))
        return *padding;
      break;
    case ir::FieldKind::Activation:
      if (auto activation = ir::activation_from_name(text))
        return *activation;
      break;
    case ir::FieldKind::MirrorPadMode:
      if (auto mode = ir::mirror_pad_mode_from_name(text))
        return *mode;
      break;
    case ir::FieldKind::DType:
      if (auto dtype = ir::dtype_from_name(text))
        return *dtype;
      break;
    case ir::FieldKind::Int:
      if (auto number = parse_int32(text))
        return *number;
      break;
    case ir::FieldKind::Bool:
      if (auto flag = parse_bool(text))
        return *flag;
      break;
    case ir::FieldKind::Float:
      if (auto number = parse_float(text))
        return *number;
      break;
    case ir::FieldKind::IntList: // read as repeated fields / lists by the caller
    case ir::FieldKind::Fixed:      // not in recipe_option_fields()
      break;
    }
    fail(node, fmt::format("expected {}, got '{}'", what, text));
  }

  std::string file_;
};

// yaml-cpp reports a tab in indentation as e.g. "illegal block entry", which
// does not say what to change.
std::string tab_hint(const std::string &text, int error_line) {
  size_t begin = 0;
  for (int line = 0; line < error_line && begin != std::string::npos; ++line) {
    begin = text.find('\n', begin);
    if (begin != std::string::npos)
      ++begin;
  }
  if (begin == std::string::npos)
    return "";
  const size_t indent_end = text.find_first_not_of(" \t", begin);
  const std::string_view indent(text.data() + begin,
                                (indent_end == std::string::npos ? text.size() : indent_end) - begin);
  return indent.find('\t') == std::string_view::npos ? ""
                                                      : " (this line is indented with a tab; YAML "
                                                        "indentation must be spaces)";
}

} // namespace

Recipe parse_yaml_recipe(const std::string &text, const std::string &file) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception &e) {
    throw InputError(fmt::format("{}:{}:{}: invalid YAML: {}{}", file, e.mark.line + 1,
                                 e.mark.column + 1, e.msg, tab_hint(text, e.mark.line)));
  }
  try {
    return YamlRecipeReader(file).read(root);
  } catch (const YAML::Exception &e) {
    // Accessors of yaml-cpp can still throw on malformed nodes; keep the location.
    throw InputError(fmt::format("{}:{}:{}: {}", file, e.mark.line + 1, e.mark.column + 1, e.msg));
  }
}

} // namespace qgold::recipe
