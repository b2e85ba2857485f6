// Writes a recipe as tflchef text: the Recipe is turned into a
// tflchef.ModelRecipe message and printed by libprotobuf's TextFormat.
#include "recipe/filler.h"
#include "recipe/option_fields.h"
#include "recipe/recipe.h"
#include "recipe/scalar.h"

#include "ir/error.h"
#include "ir/op_registry.h"

#include "tflchef.pb.h"

#include <fmt/format.h>
#include <google/protobuf/text_format.h>

#include <cstring>

namespace qgold::recipe {
namespace {

namespace pb = google::protobuf;

// The elements of generated filler bytes as filler args.
std::vector<std::string> explicit_args(ir::DType dtype, const std::vector<uint8_t> &bytes) {
  std::vector<std::string> args;
  const size_t size = ir::dtype_size(dtype);
  for (size_t at = 0; at + size <= bytes.size(); at += size) {
    auto read = [&](auto value) {
      std::memcpy(&value, bytes.data() + at, sizeof(value));
      return value;
    };
    switch (dtype) {
    case ir::DType::Float32:
      args.push_back(format_float(read(float{})));
      break;
    case ir::DType::Float16:
      args.push_back(format_float(half_to_float(read(uint16_t{}))));
      break;
    case ir::DType::Bool:
      args.push_back(read(uint8_t{}) ? "true" : "false");
      break;
    case ir::DType::UInt8:
      args.push_back(std::to_string(read(uint8_t{})));
      break;
    case ir::DType::Int8:
      args.push_back(std::to_string(read(int8_t{})));
      break;
    case ir::DType::Int16:
      args.push_back(std::to_string(read(int16_t{})));
      break;
    case ir::DType::Int32:
      args.push_back(std::to_string(read(int32_t{})));
      break;
    case ir::DType::Int64:
      args.push_back(std::to_string(read(int64_t{})));
      break;
    case ir::DType::String:
    case ir::DType::Float64:
      throw InputError(fmt::format("tensor type {} has no tflchef filler", ir::dtype_name(dtype)));
    }
  }
  return args;
}

void write_operand(const Operand &operand, uint64_t seed, tflchef::Operand &out) {
  out.set_name(operand.name);
  out.set_type(static_cast<tflchef::TensorType>(operand.dtype));
  tflchef::TensorShape &shape = *out.mutable_shape();
  for (int32_t dim : operand.shape)
    shape.add_dim(static_cast<uint32_t>(dim));
  if (operand.filler) {
    tflchef::TensorFiller &filler = *out.mutable_filler();
    if (operand.filler->tag == "gaussian" || operand.filler->tag == "uniform") {
      int64_t count = ir::num_elements(operand.shape);
      filler.set_tag("explicit");
      for (const std::string &arg :
           explicit_args(operand.dtype, generate_filler(operand, count, seed)))
        filler.add_arg(arg);
    } else {
      filler.set_tag(operand.filler->tag);
      for (const std::string &arg : operand.filler->args)
        filler.add_arg(arg);
    }
  }
  if (operand.quant) {
    tflchef::TensorQuantization &quant = *out.mutable_quant();
    for (float v : operand.quant->min)
      quant.add_min(v);
    for (float v : operand.quant->max)
      quant.add_max(v);
    for (float v : operand.quant->scale)
      quant.add_scale(v);
    for (int64_t v : operand.quant->zero_point)
      quant.add_zero_point(v);
    quant.set_quantized_dimension(operand.quant->quantized_dimension);
  }
  for (int32_t dim : operand.shape_signature)
    out.mutable_shape_signature()->add_dim(dim);
  if (operand.make_sparse)
    out.set_make_sparse(true);
}

// Sets every option field of `operation` in its options message.
void write_options(const Operation &operation, tflchef::Operation &out) {
  std::string_view name = ir::op_info(operation.code).chef_options;
  if (name.empty())
    return;
  const pb::FieldDescriptor *field = out.GetDescriptor()->FindFieldByName(std::string(name));
  if (field == nullptr)
    throw std::logic_error(fmt::format("tflchef.proto has no Operation field {}", name));
  pb::Message &options = *out.GetReflection()->MutableMessage(&out, field);
  const pb::Reflection &reflection = *options.GetReflection();
  for (const ir::FieldInfo &info : recipe_option_fields(operation.code)) {
    const pb::FieldDescriptor *target = options.GetDescriptor()->FindFieldByName(std::string(info.name));
    if (target == nullptr)
      throw std::logic_error(fmt::format("tflchef.proto's {} has no field {}",
                                         options.GetDescriptor()->name(), info.name));
    auto set_enum = [&](std::string_view value) {
      reflection.SetEnum(&options, target, target->enum_type()->FindValueByName(std::string(value)));
    };
    std::visit(
        [&](const auto &value) {
          using V = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<V, ir::Padding>)
            set_enum(ir::padding_name(value));
          else if constexpr (std::is_same_v<V, ir::Activation>)
            set_enum(ir::activation_name(value));
          else if constexpr (std::is_same_v<V, ir::MirrorPadMode>)
            set_enum(ir::mirror_pad_mode_name(value));
          else if constexpr (std::is_same_v<V, ir::DType>)
            reflection.SetEnumValue(&options, target, static_cast<int>(value));
          else if constexpr (std::is_same_v<V, int32_t>)
            reflection.SetInt32(&options, target, value);
          else if constexpr (std::is_same_v<V, bool>)
            reflection.SetBool(&options, target, value);
          else if constexpr (std::is_same_v<V, float>)
            reflection.SetFloat(&options, target, value);
          else
            for (int32_t element : value)
              reflection.AddInt32(&options, target, element);
        },
        ir::get_option(operation.options, info.name));
  }
}

void write_operation(const Operation &operation, tflchef::Operation &out) {
  out.set_type(std::string(ir::op_name(operation.code)));
  for (const std::string &name : operation.inputs)
    out.add_input(name);
  for (const std::string &name : operation.outputs)
    out.add_output(name);
  if (!operation.custom_code.empty())
    out.set_custom_code(operation.custom_code);
  write_options(operation, out);
}

template <typename Graph, typename Message>
void write_graph(const Graph &graph, uint64_t seed, Message &out) {
  for (const Operand &operand : graph.operands)
    write_operand(operand, seed, *out.add_operand());
  for (const Operation &operation : graph.operations)
    write_operation(operation, *out.add_operation());
  for (const std::string &name : graph.inputs)
    out.add_input(name);
  for (const std::string &name : graph.outputs)
    out.add_output(name);
}

void write_entry(const Signature::Entry &entry, tflchef::TensorMap &out) {
  out.set_name(entry.alias);
  if (entry.index)
    out.set_tensor_index(*entry.index);
  else
    out.set_tensor(entry.tensor);
}

} // namespace

std::string to_tflchef(const Recipe &recipe) {
  tflchef::ModelRecipe message;
  message.set_name(recipe.name);
  write_graph(recipe, recipe.seed, message);
  for (const Subgraph &graph : recipe.subgraphs) {
    tflchef::Graph &out = *message.add_graph();
    if (!graph.name.empty())
      out.set_name(graph.name);
    write_graph(graph, recipe.seed, out);
  }
  for (const Signature &signature : recipe.signatures) {
    tflchef::SignatureDef &out = *message.add_signature_def();
    out.set_signature_key(signature.key);
    out.set_subgraph_index(signature.subgraph);
    for (const Signature::Entry &entry : signature.inputs)
      write_entry(entry, *out.add_inputs());
    for (const Signature::Entry &entry : signature.outputs)
      write_entry(entry, *out.add_outputs());
  }
  if (recipe.ext_offset)
    message.set_ext_offset(true);
  std::string text;
  pb::TextFormat::Printer printer;
  printer.PrintToString(message, &text);
  return text;
}

} // namespace qgold::recipe
