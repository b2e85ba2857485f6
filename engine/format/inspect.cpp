#include "format/inspect.h"

#include <fmt/format.h>

#include <variant>

namespace qgold::format {
namespace {

using nlohmann::json;

// Options as {schema field name: value}.
json options_json(const ir::Options &options) {
  json out = json::object();
  for (const ir::FieldInfo &field : ir::option_fields(options)) {
    if (field.kind == ir::FieldKind::Fixed)
      continue;
    std::visit(
        [&](const auto &value) {
          using V = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<V, ir::Padding>)
            out[field.schema_name] = ir::padding_name(value);
          else if constexpr (std::is_same_v<V, ir::Activation>)
            out[field.schema_name] = ir::activation_name(value);
          else if constexpr (std::is_same_v<V, ir::MirrorPadMode>)
            out[field.schema_name] = ir::mirror_pad_mode_name(value);
          else if constexpr (std::is_same_v<V, ir::DType>)
            out[field.schema_name] = ir::dtype_name(value);
          else
            out[field.schema_name] = value;
        },
        ir::get_option(options, field.name));
  }
  return out;
}

json quantization_json(const ir::QuantParams &quant) {
  return {{"min", quant.min},
          {"max", quant.max},
          {"scale", quant.scale},
          {"zero_point", quant.zero_point},
          {"quantized_dimension", quant.quantized_dimension}};
}

// Every float in the JSON came from a float, so printing it back as a float
// gives the shortest exact text ("0.1", not "0.10000000149011612").
std::string render(const json &value) {
  switch (value.type()) {
  case json::value_t::array: {
    std::string out = "[";
    for (std::size_t i = 0; i < value.size(); ++i)
      out += (i ? "," : "") + render(value[i]);
    return out + "]";
  }
  case json::value_t::string:
    return value.get<std::string>();
  case json::value_t::number_float:
    return fmt::format("{}", static_cast<float>(value.get<double>()));
  default:
    return value.dump();
  }
}

} // namespace

json inspect_json(const ir::Model &model) {
  json tensors = json::array();
  for (std::size_t t = 0; t < model.tensors.size(); ++t) {
    const ir::Tensor &tensor = model.tensors[t];
    tensors.push_back({{"index", t},
                       {"name", tensor.name},
                       {"dtype", ir::dtype_name(tensor.dtype)},
                       {"shape", tensor.shape},
                       {"constant_bytes", tensor.data ? json(tensor.data->size()) : json(nullptr)},
                       {"quantization", tensor.quant ? quantization_json(*tensor.quant) : json(nullptr)}});
  }
  json operators = json::array();
  for (std::size_t o = 0; o < model.operators.size(); ++o) {
    const ir::Operator &op = model.operators[o];
    operators.push_back({{"index", o},
                         {"op", ir::op_name(op.code)},
                         {"inputs", op.inputs},
                         {"outputs", op.outputs},
                         {"options", options_json(op.options)}});
  }
  return {{"name", model.name},
          {"inputs", model.inputs},
          {"outputs", model.outputs},
          {"tensors", std::move(tensors)},
          {"operators", std::move(operators)}};
}

std::string inspect_text(const ir::Model &model) {
  const json dump = inspect_json(model);
  std::string out =
      fmt::format("Model '{}'\ninputs {}\noutputs {}\n", model.name, render(dump["inputs"]), render(dump["outputs"]));
  out += fmt::format("Tensors ({})\n", model.tensors.size());
  for (const json &tensor : dump["tensors"]) {
    out += fmt::format("  T{} '{}' {} {}", render(tensor["index"]), render(tensor["name"]), render(tensor["dtype"]),
                       render(tensor["shape"]));
    if (!tensor["constant_bytes"].is_null())
      out += fmt::format(" constant {} bytes", render(tensor["constant_bytes"]));
    out += "\n";
    if (const json &quant = tensor["quantization"]; !quant.is_null()) {
      out += "     quantization:";
      for (const char *field : {"min", "max", "scale", "zero_point"})
        if (!quant[field].empty())
          out += fmt::format(" {} {}", field, render(quant[field]));
      out += fmt::format(" quantized_dimension {}\n", render(quant["quantized_dimension"]));
    }
  }
  out += fmt::format("Operators ({})\n", model.operators.size());
  for (const json &op : dump["operators"]) {
    out += fmt::format("  O{} {} inputs {} outputs {}\n", render(op["index"]), render(op["op"]), render(op["inputs"]),
                       render(op["outputs"]));
    if (!op["options"].empty()) {
      out += "     options:";
      for (const auto &[field, value] : op["options"].items())
        out += fmt::format(" {} {}", field, render(value));
      out += "\n";
    }
  }
  return out;
}

} // namespace qgold::format
