// Step 2 (quantization.md §8): around an op whose qconf dtype differs from
// the default, a Quantize op converts each activation operand into the op's
// dtype (<operand>_Quantize) and one converts each output back to the default
// (<output>_Quantize) for all its users, graph outputs included.

#include "quant/graph_edit.h"
#include "ir/op_registry.h"
#include "quant/quantize_passes.h"
#include "ir/error.h"

#include <fmt/format.h>

namespace qgold::quant {
namespace {

ir::Operator quantize_op(int32_t from, int32_t to) {
  return ir::Operator{ir::OpCode::Quantize, {from}, {to}, std::monostate{}};
}

// The `<operand>_Quantize` tensor converting `operand` into `dtype`, created once.
int32_t converted_operand(ir::Model &model, int32_t operand, ir::DType dtype, int32_t &position) {
  const std::string name = model.tensors[operand].name + "_Quantize";
  if (const int32_t existing = model.find_tensor(name);
      existing >= 0 && model.tensors[existing].dtype == dtype)
    return existing;
  const ir::QuantParams &range = *model.tensors[operand].quant;
  const int32_t converted =
      add_quantize_tensor(model, operand, name, dtype, activation_params(range.min[0], range.max[0], dtype));
  insert_operator(model, position++, quantize_op(operand, converted));
  return converted;
}

} // namespace

void insert_mixed_precision_quantize(QuantizeContext &context) {
  ir::Model &model = context.model;
  const ir::DType default_dtype = context.settings.defaults().dtype;
  for (int32_t position = 0; position < static_cast<int32_t>(model.operators.size()); ++position) {
    if (model.operators[position].code == ir::OpCode::Quantize)
      continue;
    const ir::DType op_dtype = context.settings.for_op(model.operators[position]).dtype;
    if (op_dtype == default_dtype)
      continue;
    const ir::OpInfo &info = ir::op_info(model.operators[position].code);
    if (!info.quant.mixed_precision)
      throw UnsupportedError(fmt::format(
          "{}: '{}' is a {}, which ONE cannot give another dtype (Unsupported Op for mixed-precision "
          "quantization)",
          context.settings.qconf_origin(), model.tensors[model.operators[position].outputs[0]].name, info.name));
    for (int operand : ir::value_operands(model.operators[position])) {
      const int32_t input = model.operators[position].inputs.at(operand);
      if (input < 0)
        continue;
      const ir::Tensor &tensor = model.tensors[input];
      if (tensor.is_constant() || !tensor.quant || tensor.quant->scale.empty() || tensor.dtype == op_dtype)
        continue;
      const int32_t converted = converted_operand(model, input, op_dtype, position);
      model.operators[position].inputs[operand] = converted;
    }
    const std::vector<int32_t> outputs = model.operators[position].outputs;
    for (int32_t output : outputs) {
      if (!model.tensors[output].quant || model.tensors[output].quant->min.empty())
        continue; // an integer or boolean output stays as it is
      const ir::QuantParams &range = *model.tensors[output].quant;
      const int32_t converted =
          add_quantize_tensor(model, output, model.tensors[output].name + "_Quantize", default_dtype,
                              activation_params(range.min[0], range.max[0], default_dtype));
      insert_operator(model, ++position, quantize_op(output, converted));
      replace_uses(model, output, converted, position, true);
    }
  }
}

} // namespace qgold::quant
