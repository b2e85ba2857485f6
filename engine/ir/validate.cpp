// Whole-model checks run before a model is interpreted, quantized or written.
#include "ir/validate.h"

#include "ir/op_registry.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <variant>

namespace qgold::ir {
namespace {

bool has_scale(const Tensor &tensor) { return tensor.quant && !tensor.quant->scale.empty(); }

bool is_quantized_activation(const Tensor &tensor) {
  return (tensor.dtype == DType::UInt8 || tensor.dtype == DType::Int8 ||
          tensor.dtype == DType::Int16) &&
         has_scale(tensor);
}

// Float models run on the float interpreter; quantized models carry integer
// tensors with scales. Anything else (say an unscaled INT32 feeding a Conv2D)
// has no meaning for either.
bool is_float_or_quantized(const Tensor &tensor) {
  return tensor.dtype == DType::Float32 || is_quantized_activation(tensor);
}

bool is_plain_integer(const Tensor &tensor) {
  return (tensor.dtype == DType::Int32 || tensor.dtype == DType::Int64) && !has_scale(tensor);
}

bool value_fits(ValueTypes types, const Tensor &tensor) {
  switch (types) {
  case ValueTypes::Numeric:
    return is_float_or_quantized(tensor);
  case ValueTypes::Integer:
    return is_float_or_quantized(tensor) || is_plain_integer(tensor);
  case ValueTypes::Any:
    return is_float_or_quantized(tensor) || is_plain_integer(tensor) || tensor.dtype == DType::Bool;
  case ValueTypes::Bool:
    return tensor.dtype == DType::Bool;
  case ValueTypes::Castable:
    return value_fits(ValueTypes::Any, tensor) || tensor.dtype == DType::UInt8 ||
           tensor.dtype == DType::Int8 || tensor.dtype == DType::Int16;
  }
  return false;
}

std::string_view expected_values(ValueTypes types) {
  switch (types) {
  case ValueTypes::Numeric:
    return "FLOAT32, or UINT8/INT8/INT16 with quantization scale";
  case ValueTypes::Integer:
    return "FLOAT32, INT32, INT64, or UINT8/INT8/INT16 with quantization scale";
  case ValueTypes::Any:
    return "FLOAT32, INT32, INT64, BOOL, or UINT8/INT8/INT16 with quantization scale";
  case ValueTypes::Bool:
    return "BOOL";
  case ValueTypes::Castable:
    return "FLOAT32, INT32, INT64, BOOL, UINT8, INT8 or INT16";
  }
  return "";
}

std::string_view expected_dtypes(Role role, ValueTypes values) {
  switch (role) {
  case Role::Value:
    return expected_values(values);
  case Role::Weights:
  case Role::ChannelParam:
    return expected_values(ValueTypes::Numeric);
  case Role::Bias:
    return "FLOAT32, or INT32/INT64 with quantization scale";
  case Role::IndexConst:
  case Role::Index:
    return "INT32 or INT64";
  case Role::Condition:
    return "BOOL";
  case Role::Dequantizable:
    return "UINT8/INT8/INT16 with quantization scale, or FLOAT16";
  }
  return "";
}

bool dtype_fits(Role role, ValueTypes values, const Tensor &tensor) {
  switch (role) {
  case Role::Value:
    return value_fits(values, tensor);
  case Role::Weights:
  case Role::ChannelParam:
    return is_float_or_quantized(tensor);
  case Role::Bias:
    return tensor.dtype == DType::Float32 ||
           ((tensor.dtype == DType::Int32 || tensor.dtype == DType::Int64) && has_scale(tensor));
  case Role::IndexConst:
  case Role::Index:
    return tensor.dtype == DType::Int32 || tensor.dtype == DType::Int64;
  case Role::Condition:
    return tensor.dtype == DType::Bool;
  case Role::Dequantizable:
    return is_quantized_activation(tensor) || tensor.dtype == DType::Float16;
  }
  return false;
}

class Validator {
public:
  Validator(const Graph &model, std::string prefix) : model_(model), prefix_(std::move(prefix)) {}

  void run() {
    check_tensors();
    check_graph_inputs();
    for (size_t i = 0; i < model_.operators.size(); ++i)
      check_operator(static_cast<int32_t>(i));
    check_graph_outputs();
  }

private:
  [[noreturn]] void fail_tensor(int32_t index, const std::string &what) const {
    throw ModelError(fmt::format("{}tensor {} '{}': {}", prefix_, index, model_.tensors[index].name, what),
                     -1, index);
  }

  [[noreturn]] void fail_op(int32_t op_index, const std::string &what,
                            int32_t tensor_index = -1) const {
    throw ModelError(fmt::format("{}{} (op {}): {}", prefix_, op_name(model_.operators[op_index].code),
                                 op_index, what),
                     op_index, tensor_index);
  }

  bool in_range(int32_t index) const {
    return index >= 0 && static_cast<size_t>(index) < model_.tensors.size();
  }

  std::string tensor_label(int32_t index) const {
    return fmt::format("'{}' (tensor {})", model_.tensors[index].name, index);
  }

  void check_tensors() {
    std::unordered_map<std::string_view, int32_t> names;
    for (size_t i = 0; i < model_.tensors.size(); ++i) {
      const Tensor &tensor = model_.tensors[i];
      int32_t index = static_cast<int32_t>(i);
      if (tensor.name.empty())
        fail_tensor(index, "tensor names must not be empty");
      auto [it, inserted] = names.emplace(tensor.name, index);
      if (!inserted)
        fail_tensor(index, fmt::format("name is already used by tensor {}", it->second));
      for (int32_t dim : tensor.shape)
        if (dim < 0)
          fail_tensor(index, fmt::format("shape {} has a negative dim", shape_to_string(tensor.shape)));
      if (!tensor.shape_signature.empty()) {
        bool fits = tensor.shape_signature.size() == tensor.shape.size();
        for (size_t d = 0; fits && d < tensor.shape.size(); ++d)
          fits = tensor.shape_signature[d] == -1 || tensor.shape_signature[d] == tensor.shape[d];
        if (!fits)
          fail_tensor(index, fmt::format("shape signature {} does not fit shape {} (each dim equal, or -1)",
                                         shape_to_string(tensor.shape_signature),
                                         shape_to_string(tensor.shape)));
      }
      if (tensor.sparsity) {
        if (!tensor.data)
          fail_tensor(index, "sparsity is given for a tensor without constant data");
        continue; // its data is checked when it is densified
      }
      if (tensor.data && dtype_size(tensor.dtype) > 0 &&
          static_cast<int64_t>(tensor.data->size()) !=
              tensor.num_elements() * static_cast<int64_t>(dtype_size(tensor.dtype)))
        fail_tensor(index, fmt::format("constant data has {} bytes, expected {} ({} x {})",
                                       tensor.data->size(),
                                       tensor.num_elements() *
                                           static_cast<int64_t>(dtype_size(tensor.dtype)),
                                       shape_to_string(tensor.shape), dtype_name(tensor.dtype)));
    }
  }

  void check_graph_inputs() {
    for (int32_t index : model_.inputs) {
      if (!in_range(index))
        throw ModelError(fmt::format("graph input refers to tensor {}, but the model has {} tensors",
                                     index, model_.tensors.size()));
      if (model_.tensors[index].is_constant())
        fail_tensor(index, "a graph input must not be a constant");
      available_.insert(index);
    }
  }

  void check_graph_outputs() const {
    for (int32_t index : model_.outputs) {
      if (!in_range(index))
        throw ModelError(fmt::format(
            "graph output refers to tensor {}, but the model has {} tensors", index,
            model_.tensors.size()));
      if (!available_.contains(index) && !model_.tensors[index].is_constant())
        fail_tensor(index, "graph output is dangling: no operator produces it");
    }
  }

  // The first later operator that writes `index`, or -1.
  int32_t later_producer(int32_t op_index, int32_t index) const {
    for (size_t j = op_index; j < model_.operators.size(); ++j)
      for (int32_t out : model_.operators[j].outputs)
        if (out == index)
          return static_cast<int32_t>(j);
    return -1;
  }

  void check_operator(int32_t op_index) {
    const Operator &op = model_.operators[op_index];
    if (op.options.index() != default_options(op.code).index())
      fail_op(op_index, "carries options of the wrong kind for this op");
    check_operand_counts(op_index);
    for (size_t slot = 0; slot < op.inputs.size(); ++slot) {
      int32_t index = op.inputs[slot];
      if (index < 0)
        continue; // absent optional input, checked in check_operand_counts
      const Tensor &tensor = model_.tensors[index];
      const OpInfo &info = op_info(op.code);
      const Role role = info.input(slot).role;
      if (!dtype_fits(role, info.values, tensor))
        fail_op(op_index,
                fmt::format("input {} {} has dtype {}, expected {}", slot, tensor_label(index),
                            dtype_name(tensor.dtype), expected_dtypes(role, info.values)),
                index);
      if (tensor.is_constant() || available_.contains(index))
        continue;
      int32_t producer = later_producer(op_index, index);
      if (producer < 0)
        fail_op(op_index,
                fmt::format("input {} {} is dangling: it is not a graph input, not a constant "
                            "and no operator produces it",
                            slot, tensor_label(index)),
                index);
      fail_op(op_index,
              fmt::format("input {} {} is read before it is produced by {} (op {}): the graph is "
                          "not in execution order or has a cycle",
                          slot, tensor_label(index), op_name(model_.operators[producer].code),
                          producer),
              index);
    }
    check_outputs(op_index);
  }

  // What the output `tensor` of `op` should have been, or "" when it fits.
  std::string output_dtype_problem(const Operator &op, const Tensor &tensor) const {
    const OpInfo &info = op_info(op.code);
    switch (info.output_kind) {
    case OutputKind::Value: {
      // Plain integers and booleans flow through unchanged; otherwise
      // float32, or quantized (in any of the quantized dtypes).
      for (int slot : value_operands(op)) {
        const Tensor &input = model_.tensors[op.inputs[slot]];
        if (is_plain_integer(input) || input.dtype == DType::Bool)
          return tensor.dtype == input.dtype && !has_scale(tensor)
                     ? ""
                     : fmt::format("{} like its input '{}'", dtype_name(input.dtype), input.name);
        break;
      }
      return is_float_or_quantized(tensor) ? "" : std::string(expected_values(ValueTypes::Numeric));
    }
    case OutputKind::Quantized:
      return is_quantized_activation(tensor) ? "" : "UINT8/INT8/INT16 with quantization scale";
    case OutputKind::Float:
      return tensor.dtype == DType::Float32 ? "" : "FLOAT32";
    case OutputKind::Bool:
      return tensor.dtype == DType::Bool ? "" : "BOOL";
    case OutputKind::Declared:
      return "";
    case OutputKind::FromOption: {
      const DType declared = *option_output_dtype(op.options);
      // An output the quantizer quantized keeps its integer dtype from its options (Cast).
      return tensor.dtype == declared || is_quantized_activation(tensor)
                 ? ""
                 : fmt::format("{} (the dtype its options declare)", dtype_name(declared));
    }
    }
    return "";
  }

  void check_operand_counts(int32_t op_index) const {
    const Operator &op = model_.operators[op_index];
    const OpInfo &info = op_info(op.code);
    const size_t min = info.min_inputs(), max = info.max_inputs();
    if (op.inputs.size() < min || op.inputs.size() > max) {
      std::string range = max == SIZE_MAX ? fmt::format("at least {}", min)
                          : min == max    ? fmt::format("{}", min)
                                          : fmt::format("{} to {}", min, max);
      fail_op(op_index, fmt::format("expected {} inputs, got {}", range, op.inputs.size()));
    }
    for (size_t slot = 0; slot < op.inputs.size(); ++slot) {
      int32_t index = op.inputs[slot];
      if (index == -1 && info.input(slot).optional)
        continue;
      if (index == -1)
        fail_op(op_index, fmt::format("input {} is absent (-1) but is not optional", slot));
      if (!in_range(index))
        fail_op(op_index, fmt::format("input {} refers to tensor {}, but the model has {} tensors",
                                      slot, index, model_.tensors.size()));
    }
    const int64_t outputs = expected_output_count(op);
    if (outputs < 1 || static_cast<int64_t>(op.outputs.size()) != outputs)
      fail_op(op_index, fmt::format("expected {} outputs{}, got {}", outputs,
                                    info.outputs == OutputCount::One ? "" : " (from its options)",
                                    op.outputs.size()));
    for (int32_t index : op.outputs)
      if (!in_range(index))
        fail_op(op_index, fmt::format("output refers to tensor {}, but the model has {} tensors",
                                      index, model_.tensors.size()));
  }

  void check_outputs(int32_t op_index) {
    const Operator &op = model_.operators[op_index];
    std::vector<Shape> shapes = infer_output_shapes(model_, op);
    for (size_t k = 0; k < op.outputs.size(); ++k) {
      int32_t index = op.outputs[k];
      const Tensor &tensor = model_.tensors[index];
      if (tensor.is_constant() || model_.is_graph_input(index))
        fail_op(op_index,
                fmt::format("output {} must not be a constant or a graph input", tensor_label(index)),
                index);
      if (available_.contains(index))
        fail_op(op_index, fmt::format("output {} is already produced by an earlier operator",
                                      tensor_label(index)),
                index);
      const std::string expected = output_dtype_problem(op, tensor);
      if (!expected.empty())
        fail_op(op_index,
                fmt::format("output {} has dtype {}, expected {}", tensor_label(index),
                            dtype_name(tensor.dtype), expected),
                index);
      if (k < shapes.size() && tensor.shape != shapes[k])
        fail_op(op_index,
                fmt::format("output {} is declared with shape {}, but the inputs give {}",
                            tensor_label(index), shape_to_string(tensor.shape),
                            shape_to_string(shapes[k])),
                index);
      available_.insert(index);
    }
  }

  const Graph &model_;
  std::string prefix_; // "subgraph 2: " for the other subgraphs
  std::set<int32_t> available_; // graph inputs and outputs of operators checked so far
};

void check_signature_defs(const Model &model) {
  for (const SignatureDef &signature : model.signature_defs) {
    if (signature.subgraph > model.subgraphs.size())
      throw ModelError(fmt::format("signature '{}' refers to subgraph {}, but the model has {}",
                                   signature.key, signature.subgraph, model.subgraphs.size() + 1));
    const Graph &graph = signature.subgraph == 0 ? model : model.subgraphs[signature.subgraph - 1];
    for (const auto *entries : {&signature.inputs, &signature.outputs})
      for (const SignatureDef::Entry &entry : *entries)
        if (graph.find_tensor(entry.tensor) < 0)
          throw ModelError(fmt::format("signature '{}' maps '{}' to tensor '{}', which subgraph {} "
                                       "does not have",
                                       signature.key, entry.alias, entry.tensor, signature.subgraph));
  }
}

} // namespace

void validate_model(const Model &model) {
  Validator(model, "").run();
  for (size_t i = 0; i < model.subgraphs.size(); ++i)
    Validator(model.subgraphs[i], fmt::format("subgraph {}: ", i + 1)).run();
  check_signature_defs(model);
}

} // namespace qgold::ir
