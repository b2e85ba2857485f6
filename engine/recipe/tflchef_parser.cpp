// Reader for ONE's tflchef / circlechef recipes: libprotobuf's TextFormat
// parses the text against our tflchef.proto (so every construct protobuf's
// text format has, enum values by number included, reads as tflchef reads
// it), then the message is mapped to a Recipe. Syntax and schema errors come
// from TextFormat's error collector, the rest from here; both are
// "file:line:column: message".
#include "recipe/filler.h"
#include "recipe/option_fields.h"
#include "recipe/recipe.h"

#include "ir/error.h"
#include "ir/op_registry.h"

#include "tflchef.pb.h"

#include <fmt/format.h>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <algorithm>
#include <climits>

namespace qgold::recipe {
namespace {

namespace pb = google::protobuf;
using ParseInfoTree = pb::TextFormat::ParseInfoTree;

// Keeps TextFormat's first error (later ones follow from it).
class FirstError : public pb::io::ErrorCollector {
public:
  void AddError(int line, pb::io::ColumnNumber column, const std::string &message) override {
    if (!message_.empty())
      return;
    line_ = line;
    column_ = column;
    message_ = message;
  }
  void AddWarning(int, pb::io::ColumnNumber, const std::string &) override {}

  std::string describe(const std::string &file) const {
    if (line_ < 0)
      return fmt::format("{}: {}", file, message_);
    return fmt::format("{}:{}:{}: {}", file, line_ + 1, column_ + 1, message_);
  }

private:
  int line_ = -1, column_ = -1;
  std::string message_;
};

// Where field `name` (element `index` when repeated) of a message was written.
class Locator {
public:
  Locator(std::string file, const ParseInfoTree *tree) : file_(std::move(file)), tree_(tree) {}

  SourceLocation at(const pb::Message &message, std::string_view name, int index = -1) const {
    const pb::FieldDescriptor *field = message.GetDescriptor()->FindFieldByName(std::string(name));
    if (tree_ == nullptr || field == nullptr)
      return {file_, 0, 0};
    pb::TextFormat::ParseLocation where = tree_->GetLocation(field, index);
    if (where.line < 0)
      return {file_, 0, 0};
    return {file_, where.line + 1, where.column + 1};
  }

  Locator nested(const pb::Message &message, std::string_view name, int index = -1) const {
    const pb::FieldDescriptor *field = message.GetDescriptor()->FindFieldByName(std::string(name));
    return {file_, tree_ && field ? tree_->GetTreeForNested(field, index) : nullptr};
  }

  const std::string &file() const { return file_; }

private:
  std::string file_;
  const ParseInfoTree *tree_;
};

[[noreturn]] void fail(const SourceLocation &where, const std::string &message) {
  throw InputError(fmt::format("{}: {}", where.to_string(), message));
}
[[noreturn]] void unsupported(const SourceLocation &where, const std::string &message) {
  throw UnsupportedError(fmt::format("{}: {}", where.to_string(), message));
}

ir::DType read_dtype(tflchef::TensorType type, const SourceLocation &where) {
  std::string_view name = tflchef::TensorType_Name(type);
  if (auto dtype = recipe_dtype(name))
    return *dtype;
  unsupported(where, fmt::format("tensor type {} is not supported by qgold (supported: {})", name,
                                 recipe_dtype_names()));
}

ir::Shape read_shape(const tflchef::TensorShape &shape, const SourceLocation &where) {
  ir::Shape out;
  for (uint32_t dim : shape.dim()) {
    if (dim > static_cast<uint32_t>(INT32_MAX))
      fail(where, fmt::format("dim {} does not fit in int32", dim));
    out.push_back(static_cast<int32_t>(dim));
  }
  return out;
}

Filler read_filler(const tflchef::TensorFiller &message, const SourceLocation &where) {
  if (!message.has_tag())
    fail(where, "filler needs a tag");
  Filler filler{message.tag(), {message.arg().begin(), message.arg().end()}, where};
  // A text recipe must mean what it means to tflchef, whose fillers are these three.
  if (filler.tag != "constant" && filler.tag != "explicit" && filler.tag != "gaussian")
    fail(where, fmt::format("filler tag '{}' is not a tflchef filler (expected constant, explicit "
                            "or gaussian); qgold's YAML recipes also have 'uniform'",
                            filler.tag));
  return filler;
}

ir::QuantParams read_quant(const tflchef::TensorQuantization &message) {
  ir::QuantParams quant;
  quant.min.assign(message.min().begin(), message.min().end());
  quant.max.assign(message.max().begin(), message.max().end());
  quant.scale.assign(message.scale().begin(), message.scale().end());
  quant.zero_point.assign(message.zero_point().begin(), message.zero_point().end());
  quant.quantized_dimension = message.quantized_dimension();
  return quant;
}

Operand read_operand(const tflchef::Operand &message, const SourceLocation &where, const Locator &in) {
  if (!message.has_name() || !message.has_type())
    fail(where, fmt::format("operand needs a {}", !message.has_name() ? "name" : "type"));
  if (message.has_sparsity())
    unsupported(in.at(message, "sparsity"),
                "field 'sparsity' of operand is not supported by qgold (write the dense values "
                "and 'make_sparse: true')");
  if (message.is_variable())
    unsupported(in.at(message, "is_variable"), "variable tensors are not supported by qgold");
  Operand operand;
  operand.location = where;
  operand.name = message.name();
  operand.dtype = read_dtype(message.type(), in.at(message, "type"));
  if (message.has_shape())
    operand.shape = read_shape(message.shape(), in.at(message, "shape"));
  if (message.has_filler())
    operand.filler = read_filler(message.filler(), in.at(message, "filler"));
  if (message.has_quant())
    operand.quant = read_quant(message.quant());
  operand.shape_signature.assign(message.shape_signature().dim().begin(),
                                 message.shape_signature().dim().end());
  operand.make_sparse = message.make_sparse();
  return operand;
}

// The value of singular field `field` of an options message, as qgold's field kind.
ir::FieldValue option_value(const pb::Message &options, const pb::FieldDescriptor &field,
                            ir::FieldKind kind, const SourceLocation &where) {
  const pb::Reflection &reflection = *options.GetReflection();
  auto enum_name = [&] { return reflection.GetEnum(options, &field)->name(); };
  switch (kind) {
  case ir::FieldKind::Padding:
    if (auto padding = ir::padding_from_name(enum_name()))
      return *padding;
    break;
  case ir::FieldKind::Activation:
    if (auto activation = ir::activation_from_name(enum_name()))
      return *activation;
    break;
  case ir::FieldKind::MirrorPadMode:
    if (auto mode = ir::mirror_pad_mode_from_name(enum_name()))
      return *mode;
    break;
  case ir::FieldKind::DType:
    if (auto dtype = ir::dtype_from_name(enum_name()))
      return *dtype;
    break;
  case ir::FieldKind::Int:
    return reflection.GetInt32(options, &field);
  case ir::FieldKind::Bool:
    return reflection.GetBool(options, &field);
  case ir::FieldKind::Float:
    return reflection.GetFloat(options, &field);
  case ir::FieldKind::IntList: // repeated: read by the caller
  case ir::FieldKind::Fixed:   // not in recipe_option_fields()
    unsupported(where, fmt::format("field '{}' is not a single value", field.name()));
  }
  unsupported(where, fmt::format("field '{}' value {} is not supported by qgold (expected {})",
                                 field.name(), enum_name(), ir::field_kind_description(kind)));
}

void read_options(const pb::Message &options, const SourceLocation &where, const Locator &in,
                  Operation &operation) {
  const pb::Reflection &reflection = *options.GetReflection();
  std::vector<const pb::FieldDescriptor *> present;
  reflection.ListFields(options, &present);
  std::vector<ir::FieldInfo> fields = recipe_option_fields(operation.code);
  for (const pb::FieldDescriptor *field : present) {
    auto info = std::find_if(fields.begin(), fields.end(),
                             [&](const ir::FieldInfo &f) { return f.name == field->name(); });
    if (info == fields.end()) // tflchef.proto and the option tables agree (a test checks)
      fail(where, fmt::format("field '{}' of {} is not an option of {}", field->name(),
                              options.GetDescriptor()->name(), ir::op_name(operation.code)));
    if (info->kind == ir::FieldKind::IntList) {
      std::vector<int32_t> list;
      for (int i = 0; i < reflection.FieldSize(options, field); ++i)
        list.push_back(reflection.GetRepeatedInt32(options, field, i));
      ir::set_option(operation.options, info->name, ir::FieldValue(list));
    } else {
      ir::set_option(operation.options, info->name,
                     option_value(options, *field, info->kind, in.at(options, field->name())));
    }
  }
}

Operation read_operation(const tflchef::Operation &message, const SourceLocation &where,
                         const Locator &in) {
  if (!message.has_type())
    fail(where, "operation needs a type");
  if (message.has_extype())
    unsupported(in.at(message, "extype"),
                "field 'extype' of operation is not supported by qgold (write type: \"Custom\" "
                "with a custom_code)");
  Operation operation;
  operation.location = where;
  auto code = ir::op_from_name(message.type());
  if (!code) {
    std::string supported;
    for (ir::OpCode op : ir::all_ops())
      supported += (supported.empty() ? "" : ", ") + std::string(ir::op_name(op));
    unsupported(in.at(message, "type"),
                fmt::format("operation type '{}' is not supported by qgold (supported: {})",
                            message.type(), supported));
  }
  operation.code = *code;
  operation.options = ir::default_options(*code);
  operation.inputs.assign(message.input().begin(), message.input().end());
  operation.outputs.assign(message.output().begin(), message.output().end());
  if (*code == ir::OpCode::Custom) {
    if (message.custom_code().empty())
      fail(where, "operation type 'Custom' needs a custom_code");
    operation.custom_code = message.custom_code();
  } else if (message.has_custom_code()) {
    fail(in.at(message, "custom_code"),
         fmt::format("custom_code is for operation type 'Custom', not '{}'", message.type()));
  }

  std::vector<const pb::FieldDescriptor *> present;
  message.GetReflection()->ListFields(message, &present);
  const pb::FieldDescriptor *options = nullptr;
  for (const pb::FieldDescriptor *field : present) {
    if (field->type() != pb::FieldDescriptor::TYPE_MESSAGE)
      continue;
    if (options)
      fail(in.at(message, field->name()),
           fmt::format("operation has two options messages ('{}' and '{}')", options->name(),
                       field->name()));
    options = field;
  }
  if (!options)
    return operation;
  SourceLocation options_at = in.at(message, options->name());
  std::string_view expected = ir::op_info(*code).chef_options;
  if (options->name() != expected)
    fail(options_at, expected.empty()
                         ? fmt::format("operation type '{}' takes no options, got '{}'",
                                       message.type(), options->name())
                         : fmt::format("options '{}' do not belong to operation type '{}' "
                                       "(expected {})",
                                       options->name(), message.type(), expected));
  read_options(message.GetReflection()->GetMessage(message, options), options_at,
               in.nested(message, options->name()), operation);
  return operation;
}

// ModelRecipe and Graph share their first five fields.
template <typename Message, typename Out>
void read_graph(const Message &message, const Locator &in, Out &out) {
  for (int i = 0; i < message.operand_size(); ++i)
    out.operands.push_back(read_operand(message.operand(i), in.at(message, "operand", i),
                                        in.nested(message, "operand", i)));
  for (int i = 0; i < message.operation_size(); ++i)
    out.operations.push_back(read_operation(message.operation(i), in.at(message, "operation", i),
                                            in.nested(message, "operation", i)));
  out.inputs.assign(message.input().begin(), message.input().end());
  out.outputs.assign(message.output().begin(), message.output().end());
}

Signature::Entry read_entry(const tflchef::TensorMap &message, const SourceLocation &where) {
  if (message.has_tensor() == message.has_tensor_index())
    fail(where, "a signature entry needs exactly one of 'tensor' and 'tensor_index'");
  Signature::Entry entry{message.name(), message.tensor(), std::nullopt, where};
  if (message.has_tensor_index())
    entry.index = message.tensor_index();
  return entry;
}

Signature read_signature(const tflchef::SignatureDef &message, const SourceLocation &where,
                         const Locator &in) {
  Signature signature;
  signature.key = message.signature_key();
  signature.subgraph = message.subgraph_index();
  signature.location = where;
  for (int i = 0; i < message.inputs_size(); ++i)
    signature.inputs.push_back(read_entry(message.inputs(i), in.at(message, "inputs", i)));
  for (int i = 0; i < message.outputs_size(); ++i)
    signature.outputs.push_back(read_entry(message.outputs(i), in.at(message, "outputs", i)));
  return signature;
}

Recipe read_recipe(const tflchef::ModelRecipe &message, const Locator &in) {
  Recipe recipe;
  recipe.location = {in.file(), 0, 0};
  if (message.has_name())
    recipe.name = message.name();
  read_graph(message, in, recipe);
  for (int i = 0; i < message.graph_size(); ++i) {
    Subgraph graph;
    graph.location = in.at(message, "graph", i);
    graph.name = message.graph(i).name();
    read_graph(message.graph(i), in.nested(message, "graph", i), graph);
    recipe.subgraphs.push_back(std::move(graph));
  }
  for (int i = 0; i < message.signature_def_size(); ++i)
    recipe.signatures.push_back(read_signature(message.signature_def(i),
                                               in.at(message, "signature_def", i),
                                               in.nested(message, "signature_def", i)));
  recipe.ext_offset = message.ext_offset();
  return recipe;
}

} // namespace

Recipe parse_tflchef_recipe(const std::string &text, const std::string &file) {
  tflchef::ModelRecipe message;
  ParseInfoTree tree;
  FirstError errors;
  pb::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  parser.WriteLocationsTo(&tree);
  if (!parser.ParseFromString(text, &message))
    throw InputError(errors.describe(file));
  return read_recipe(message, Locator(file, &tree));
}

} // namespace qgold::recipe
