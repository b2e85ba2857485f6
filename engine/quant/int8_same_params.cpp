// Step 7b, int8 only (TFLite's quantization spec): the ops the registry marks
// same_params_int8 (pools, Pad, Reshape, Concatenation, ...) need inputs and
// output of one scale and zero point. In execution order, so that chains of
// such ops agree: an op with one Value input gives its output the input's
// parameters; an op with several keeps its output's and reads every input
// whose parameters differ through a requantizing Quantize op
// (<input>_Requantize, shared by the ops that need it). Constant inputs were
// quantized with the output's parameters in step 4.

#include "ir/op_registry.h"
#include "quant/graph_edit.h"
#include "quant/quantize_passes.h"

namespace qgold::quant {
namespace {

bool same_params(const ir::QuantParams &a, const ir::QuantParams &b) {
  return a.scale == b.scale && a.zero_point == b.zero_point;
}

bool quantized_int8(const ir::Tensor &tensor) {
  return tensor.dtype == ir::DType::Int8 && tensor.quant && tensor.quant->scale.size() == 1;
}

// The tensor holding `input` requantized to `params`, added (with its
// Quantize op before operator `position`) unless an earlier op made it.
int32_t requantized(ir::Model &model, int32_t input, const ir::QuantParams &params,
                    int32_t &position) {
  const std::string name = model.tensors[static_cast<size_t>(input)].name + "_Requantize";
  if (const int32_t existing = model.find_tensor(name);
      existing >= 0 && same_params(*model.tensors[static_cast<size_t>(existing)].quant, params))
    return existing;
  ir::QuantParams quant = params;
  quant.min.clear();
  quant.max.clear();
  const int32_t converted = add_quantize_tensor(model, input, name, ir::DType::Int8, quant);
  insert_operator(model, position++,
                  ir::Operator{ir::OpCode::Quantize, {input}, {converted}, std::monostate{}});
  return converted;
}

} // namespace

void apply_int8_same_params(QuantizeContext &context) {
  ir::Model &model = context.model;
  for (int32_t position = 0; position < static_cast<int32_t>(model.operators.size()); ++position) {
    const ir::Operator op = model.operators[static_cast<size_t>(position)];
    if (!ir::op_info(op.code).quant.same_params_int8 || op.outputs.empty())
      continue;
    ir::Tensor &output = model.tensors[static_cast<size_t>(op.outputs[0])];
    if (!quantized_int8(output))
      continue;
    const std::vector<int> slots = ir::value_operands(op);
    if (slots.size() == 1) {
      const ir::Tensor &input = model.tensors[static_cast<size_t>(op.inputs[slots[0]])];
      if (quantized_int8(input)) {
        output.quant->scale = input.quant->scale;
        output.quant->zero_point = input.quant->zero_point;
      }
      continue;
    }
    const ir::QuantParams params = *output.quant;
    int32_t at = position;
    for (int slot : slots) {
      const int32_t input = op.inputs[static_cast<size_t>(slot)];
      const ir::Tensor &tensor = model.tensors[static_cast<size_t>(input)];
      if (!quantized_int8(tensor) || same_params(*tensor.quant, params))
        continue;
      const int32_t converted = requantized(model, input, params, at);
      model.operators[static_cast<size_t>(at)].inputs[static_cast<size_t>(slot)] = converted;
    }
    position = at;
  }
}

} // namespace qgold::quant
