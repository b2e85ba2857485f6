// Reader for ONE's tflchef / circlechef recipes (protobuf text format of
// tflchef.ModelRecipe, formats.md §2).
//
// Why a hand-written parser instead of libprotobuf's TextFormat: qgold wants
// its own "file:line:column: expected X, got Y" messages for every mistake
// (TextFormat reports through a collector with its own wording and stops at
// the schema level), it keeps qgold free of a protobuf dependency and of
// generated code from ONE's .proto files, and the language subset recipes use
// (nested messages, repeated scalars, strings, enums, numbers, comments) is
// small enough to read completely in text_proto.cpp.
#include "recipe/filler.h"
#include "recipe/option_fields.h"
#include "recipe/recipe.h"
#include "recipe/scalar.h"
#include "recipe/text_proto.h"

#include "ir/error.h"
#include "ir/op_registry.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <map>
#include <utility>

namespace qgold::recipe {
namespace {

using Kind = TextField::Kind;
using Names = std::initializer_list<std::string_view>;

// Whether `name` is the options field of some op qgold supports.
bool is_options_field(std::string_view name) {
  const auto &ops = ir::all_ops();
  return std::any_of(ops.begin(), ops.end(),
                     [&](ir::OpCode op) { return ir::op_info(op).chef_options == name; });
}

std::string join(Names names) {
  std::string out;
  for (std::string_view name : names)
    out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

bool contains(Names names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string_view kind_name(Kind kind) {
  switch (kind) {
  case Kind::String:
    return "a quoted string";
  case Kind::Identifier:
    return "an identifier";
  case Kind::Number:
    return "a number";
  case Kind::Message:
    return "a message { ... }";
  }
  return "";
}

class ChefReader {
public:
  explicit ChefReader(std::string file) : file_(std::move(file)) {}

  Recipe read(const std::vector<TextField> &fields) {
    check_fields(fields, "the recipe", {"name", "version"}, {"operand", "operation", "input", "output"},
                 {"graph", "signature_def"});
    Recipe recipe;
    recipe.location = {file_, 0, 0};
    for (const TextField &field : fields) {
      if (field.name == "name")
        recipe.name = string_value(field);
      else if (field.name == "version")
        number<uint64_t>(field, "an unsigned integer", parse_uint64); // checked, not used
      else if (field.name == "operand")
        recipe.operands.push_back(read_operand(field));
      else if (field.name == "operation")
        recipe.operations.push_back(read_operation(field));
      else if (field.name == "input")
        recipe.inputs.push_back(string_value(field));
      else if (field.name == "output")
        recipe.outputs.push_back(string_value(field));
    }
    return recipe;
  }

private:
  SourceLocation at(const TextField &field) const { return {file_, field.line, field.column}; }
  SourceLocation value_at(const TextField &field) const {
    return {file_, field.value_line, field.value_column};
  }

  [[noreturn]] void fail(const SourceLocation &where, const std::string &message) const {
    throw InputError(fmt::format("{}: {}", where.to_string(), message));
  }

  // Rejects unknown fields, repeats of singular fields and fields qgold does
  // not implement (UnsupportedError, so callers can tell them apart).
  void check_fields(const std::vector<TextField> &fields, std::string_view message, Names singular,
                    Names repeated, Names unsupported) const {
    std::map<std::string_view, const TextField *> seen;
    for (const TextField &field : fields) {
      if (contains(unsupported, field.name))
        throw UnsupportedError(fmt::format("{}: field '{}' of {} is not supported by qgold",
                                           at(field).to_string(), field.name, message));
      if (contains(repeated, field.name))
        continue;
      if (!contains(singular, field.name)) {
        std::string expected = join(singular);
        if (repeated.size())
          expected += (expected.empty() ? "" : ", ") + join(repeated);
        fail(at(field), fmt::format("unknown field '{}' in {} (expected one of: {})", field.name,
                                    message, expected));
      }
      auto [it, inserted] = seen.emplace(field.name, &field);
      if (!inserted)
        fail(at(field), fmt::format("field '{}' of {} is given twice (first at line {})",
                                    field.name, message, it->second->line));
    }
  }

  void expect_kind(const TextField &field, Kind kind) const {
    if (field.kind != kind)
      fail(value_at(field), fmt::format("field '{}' expects {}, got {}", field.name,
                                        kind_name(kind), kind_name(field.kind)));
  }

  std::string string_value(const TextField &field) const {
    expect_kind(field, Kind::String);
    return field.value;
  }

  template <typename T, typename Parse>
  T number(const TextField &field, std::string_view what, Parse parse) const {
    expect_kind(field, Kind::Number);
    std::string_view text = field.value;
    // Protobuf text allows a float suffix: "1.5f".
    if (std::is_floating_point_v<T> && text.size() > 1 && (text.back() == 'f' || text.back() == 'F'))
      text.remove_suffix(1);
    auto value = parse(text);
    if (!value)
      fail(value_at(field),
           fmt::format("field '{}' expects {}, got '{}'", field.name, what, field.value));
    return static_cast<T>(*value);
  }

  // Floats may also be written as the identifiers inf / nan.
  float float_value(const TextField &field) const {
    if (field.kind == Kind::Identifier)
      if (auto value = parse_float(field.value))
        return *value;
    return number<float>(field, "a float", parse_float);
  }

  ir::DType read_dtype(const TextField &field) const {
    expect_kind(field, Kind::Identifier);
    if (auto dtype = recipe_dtype(field.value))
      return *dtype;
    for (std::string_view known : {"FLOAT16", "STRING", "INT4", "UINT4", "FLOAT64"})
      if (field.value == known)
        throw UnsupportedError(fmt::format("{}: tensor type {} is not supported by qgold "
                                           "(supported: {})",
                                           value_at(field).to_string(), field.value,
                                           recipe_dtype_names()));
    fail(value_at(field), fmt::format("unknown tensor type '{}' (expected one of: {})",
                                      field.value, recipe_dtype_names()));
  }

  Operand read_operand(const TextField &message) const {
    expect_kind(message, Kind::Message);
    check_fields(message.fields, "operand", {"name", "type", "shape", "filler", "quant", "is_variable"},
                 {}, {"sparsity", "shape_signature", "make_sparse"});
    Operand operand;
    operand.location = at(message);
    bool has_name = false, has_type = false;
    for (const TextField &field : message.fields) {
      if (field.name == "name") {
        operand.name = string_value(field);
        has_name = true;
      } else if (field.name == "type") {
        operand.dtype = read_dtype(field);
        has_type = true;
      } else if (field.name == "shape") {
        operand.shape = read_shape(field);
      } else if (field.name == "filler") {
        operand.filler = read_filler(field);
      } else if (field.name == "quant") {
        operand.quant = read_quant(field);
      } else if (field.name == "is_variable") {
        if (bool_value(field))
          throw UnsupportedError(fmt::format("{}: variable tensors are not supported by qgold",
                                             at(field).to_string()));
      }
    }
    if (!has_name || !has_type)
      fail(operand.location, fmt::format("operand needs a {}", !has_name ? "name" : "type"));
    return operand;
  }

  bool bool_value(const TextField &field) const {
    if (field.kind == Kind::Identifier || field.kind == Kind::Number)
      if (auto value = parse_bool(field.value))
        return *value;
    fail(value_at(field),
         fmt::format("field '{}' expects true or false, got '{}'", field.name, field.value));
  }

  ir::Shape read_shape(const TextField &message) const {
    expect_kind(message, Kind::Message);
    check_fields(message.fields, "shape", {}, {"dim"}, {});
    ir::Shape shape;
    for (const TextField &dim : message.fields) {
      auto value = number<uint64_t>(dim, "a non-negative integer", parse_uint64);
      if (value > static_cast<uint64_t>(INT32_MAX))
        fail(value_at(dim), fmt::format("dim {} does not fit in int32", value));
      shape.push_back(static_cast<int32_t>(value));
    }
    return shape;
  }

  Filler read_filler(const TextField &message) const {
    expect_kind(message, Kind::Message);
    check_fields(message.fields, "filler", {"tag"}, {"arg"}, {});
    Filler filler;
    filler.location = at(message);
    bool has_tag = false;
    for (const TextField &field : message.fields) {
      if (field.name == "tag") {
        filler.tag = string_value(field);
        has_tag = true;
      } else {
        filler.args.push_back(string_value(field));
      }
    }
    if (!has_tag)
      fail(filler.location, "filler needs a tag");
    // A text recipe must mean what it means to tflchef, whose fillers are these three.
    if (!contains({"constant", "explicit", "gaussian"}, filler.tag))
      fail(filler.location,
           fmt::format("filler tag '{}' is not a tflchef filler (expected constant, explicit or "
                       "gaussian); qgold's YAML recipes also have 'uniform'",
                       filler.tag));
    return filler;
  }

  ir::QuantParams read_quant(const TextField &message) const {
    expect_kind(message, Kind::Message);
    check_fields(message.fields, "quant", {"quantized_dimension"},
                 {"min", "max", "scale", "zero_point"}, {});
    ir::QuantParams quant;
    for (const TextField &field : message.fields) {
      if (field.name == "min")
        quant.min.push_back(float_value(field));
      else if (field.name == "max")
        quant.max.push_back(float_value(field));
      else if (field.name == "scale")
        quant.scale.push_back(float_value(field));
      else if (field.name == "zero_point")
        quant.zero_point.push_back(number<int64_t>(field, "a 64-bit integer", parse_int64));
      else
        quant.quantized_dimension = number<int32_t>(field, "a 32-bit integer", parse_int32);
    }
    return quant;
  }

  Operation read_operation(const TextField &message) const {
    expect_kind(message, Kind::Message);
    Operation operation;
    operation.location = at(message);
    const TextField *type = nullptr;
    const TextField *options = nullptr;
    std::vector<TextField> plain;
    for (const TextField &field : message.fields) {
      if (field.name == "type")
        type = &field;
      bool is_options = field.name.ends_with("_options") && is_options_field(field.name);
      if (!is_options) {
        plain.push_back(field);
        continue;
      }
      if (options)
        fail(at(field), fmt::format("operation has two options messages ('{}' at line {} and '{}')",
                                    options->name, options->line, field.name));
      options = &field;
    }
    check_fields(plain, "operation", {"type", "version"}, {"input", "output"},
                 {"custom_code", "extype"});
    if (!type)
      fail(operation.location, "operation needs a type");
    std::string type_name = string_value(*type);
    auto code = ir::op_from_name(type_name);
    if (!code) {
      std::string supported;
      for (ir::OpCode op : ir::all_ops())
        supported += (supported.empty() ? "" : ", ") + std::string(ir::op_name(op));
      throw UnsupportedError(fmt::format("{}: operation type '{}' is not supported by qgold "
                                         "(supported: {})",
                                         value_at(*type).to_string(), type_name, supported));
    }
    operation.code = *code;
    operation.options = ir::default_options(*code);
    for (const TextField &field : plain) {
      if (field.name == "input")
        operation.inputs.push_back(string_value(field));
      else if (field.name == "output")
        operation.outputs.push_back(string_value(field));
      else if (field.name == "version")
        number<int32_t>(field, "a 32-bit integer", parse_int32); // checked, not used
    }
    if (options)
      read_options(*options, operation);
    return operation;
  }

  void read_options(const TextField &message, Operation &operation) const {
    std::string_view expected = ir::op_info(operation.code).chef_options;
    std::string_view op = ir::op_name(operation.code);
    if (message.name != expected)
      fail(at(message), expected.empty()
                            ? fmt::format("operation type '{}' takes no options, got '{}'", op,
                                          message.name)
                            : fmt::format("options '{}' do not belong to operation type '{}' "
                                          "(expected {})",
                                          message.name, op, expected));
    expect_kind(message, Kind::Message);
    std::vector<ir::FieldInfo> fields = recipe_option_fields(operation.code);
    std::vector<std::string_view> singular, repeated;
    for (const ir::FieldInfo &field : fields)
      (field.kind == ir::FieldKind::IntList ? repeated : singular).push_back(field.name);
    check_option_fields(message, singular, repeated);
    std::map<std::string_view, std::vector<int32_t>> lists;
    for (const ir::FieldInfo &field : fields)
      if (field.kind == ir::FieldKind::IntList)
        lists[field.name]; // present but empty when no element is given
    for (const TextField &value : message.fields) {
      auto field = std::find_if(fields.begin(), fields.end(),
                                [&](const ir::FieldInfo &f) { return f.name == value.name; });
      if (field->kind == ir::FieldKind::IntList)
        lists[field->name].push_back(number<int32_t>(value, "a 32-bit integer", parse_int32));
      else
        ir::set_option(operation.options, field->name, option_value(value, field->kind));
    }
    for (auto &[name, list] : lists)
      ir::set_option(operation.options, name, ir::FieldValue(list));
  }

  void check_option_fields(const TextField &message, const std::vector<std::string_view> &singular,
                           const std::vector<std::string_view> &repeated) const {
    std::string expected;
    for (const auto *names : {&singular, &repeated})
      for (std::string_view name : *names)
        expected += (expected.empty() ? "" : ", ") + std::string(name);
    std::map<std::string_view, int> seen;
    for (const TextField &field : message.fields) {
      bool is_singular = std::find(singular.begin(), singular.end(), field.name) != singular.end();
      bool is_repeated = std::find(repeated.begin(), repeated.end(), field.name) != repeated.end();
      if (!is_singular && !is_repeated)
        fail(at(field), fmt::format("unknown field '{}' in {} (expected one of: {})", field.name,
                                    message.name, expected.empty() ? "no fields" : expected));
      if (is_singular && !seen.emplace(field.name, field.line).second)
        fail(at(field), fmt::format("field '{}' of {} is given twice (first at line {})",
                                    field.name, message.name, seen[field.name]));
    }
  }

  ir::FieldValue option_value(const TextField &field, ir::FieldKind kind) const {
    switch (kind) {
    case ir::FieldKind::Padding:
      expect_kind(field, Kind::Identifier);
      if (auto padding = ir::padding_from_name(field.value))
        return *padding;
      break;
    case ir::FieldKind::Activation:
      expect_kind(field, Kind::Identifier);
      if (auto activation = ir::activation_from_name(field.value))
        return *activation;
      break;
    case ir::FieldKind::MirrorPadMode:
      expect_kind(field, Kind::Identifier);
      if (auto mode = ir::mirror_pad_mode_from_name(field.value))
        return *mode;
      break;
    case ir::FieldKind::DType:
      expect_kind(field, Kind::Identifier);
      if (auto dtype = ir::dtype_from_name(field.value))
        return *dtype;
      break;
    case ir::FieldKind::Int:
      return number<int32_t>(field, "a 32-bit integer", parse_int32);
    case ir::FieldKind::Bool:
      return bool_value(field);
    case ir::FieldKind::Float:
      return float_value(field);
    case ir::FieldKind::IntList: // read as repeated fields / lists by the caller
    case ir::FieldKind::Fixed:      // not in recipe_option_fields()
      break;
    }
    fail(value_at(field), fmt::format("field '{}' expects {}, got '{}'", field.name,
                                      ir::field_kind_description(kind), field.value));
  }

  std::string file_;
};

} // namespace

Recipe parse_tflchef_recipe(const std::string &text, const std::string &file) {
  return ChefReader(file).read(parse_text_proto(text, file));
}

} // namespace qgold::recipe
