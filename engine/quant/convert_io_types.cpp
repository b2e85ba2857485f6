// Steps 11-12: graph inputs and outputs get the requested types
// (--input-type/--output-type). A float32 boundary gets a Quantize op after
// the input (<input>_Quantize) or a Dequantize op after the output
// (<output>_Dequantize); another integer type re-derives the parameters.

#include "ir/error.h"
#include "quant/graph_edit.h"
#include "quant/quantize_passes.h"

#include <fmt/format.h>

namespace qgold::quant {
namespace {

bool keeps_its_type(ir::DType dtype) {
  return dtype == ir::DType::Bool || dtype == ir::DType::Int32 || dtype == ir::DType::Int64;
}

void check_io_type(ir::DType dtype, const char *what) {
  if (dtype != ir::DType::Float32 && dtype != ir::DType::UInt8 && dtype != ir::DType::Int16 &&
      dtype != ir::DType::Int8)
    throw InputError(fmt::format("{} must be float32, uint8, int16 or int8, got {}", what,
                                 ir::dtype_name(dtype)));
}

ir::QuantParams range_only(const ir::QuantParams &params) {
  ir::QuantParams range;
  range.min = params.min;
  range.max = params.max;
  return range;
}

void convert_input(ir::Model &model, int32_t input, ir::DType requested) {
  ir::Tensor &tensor = model.tensors[input];
  if (keeps_its_type(tensor.dtype) || tensor.dtype == requested || !tensor.quant || tensor.quant->min.empty())
    return;
  if (requested == ir::DType::Float32) {
    const int32_t quantized =
        add_quantize_tensor(model, input, model.tensors[input].name + "_Quantize", model.tensors[input].dtype,
                            *model.tensors[input].quant);
    replace_uses(model, input, quantized, -1, false);
    insert_operator(model, 0, ir::Operator{ir::OpCode::Quantize, {input}, {quantized}, std::monostate{}});
    model.tensors[input].quant = range_only(*model.tensors[input].quant);
  } else {
    tensor.quant = activation_params(tensor.quant->min[0], tensor.quant->max[0], requested);
  }
  model.tensors[input].dtype = requested;
}

void convert_output(ir::Model &model, size_t slot, ir::DType requested) {
  const int32_t output = model.outputs[slot];
  const ir::Tensor &tensor = model.tensors[output];
  if (keeps_its_type(tensor.dtype) || tensor.dtype == requested || !tensor.quant || tensor.quant->scale.empty())
    return;
  int32_t converted;
  ir::OpCode code;
  if (requested == ir::DType::Float32) {
    converted = add_quantize_tensor(model, output, tensor.name + "_Dequantize", requested, range_only(*tensor.quant));
    code = ir::OpCode::Dequantize;
  } else {
    if (tensor.quant->min.empty())
      throw InputError(fmt::format("output '{}' has no recorded range to convert to {}", tensor.name,
                                   ir::dtype_name(requested)));
    converted = add_quantize_tensor(model, output, tensor.name + "_Quantize", requested,
                                    activation_params(tensor.quant->min[0], tensor.quant->max[0], requested));
    code = ir::OpCode::Quantize;
  }
  model.operators.push_back(ir::Operator{code, {output}, {converted}, std::monostate{}});
  model.outputs[slot] = converted;
}

} // namespace

void convert_io_types(QuantizeContext &context) {
  const ir::DType default_dtype = context.settings.defaults().dtype;
  const ir::DType input_type = context.options.input_type.value_or(default_dtype);
  const ir::DType output_type = context.options.output_type.value_or(default_dtype);
  check_io_type(input_type, "--input-type");
  check_io_type(output_type, "--output-type");
  for (int32_t input : context.model.inputs)
    convert_input(context.model, input, input_type);
  for (size_t slot = 0; slot < context.model.outputs.size(); ++slot)
    convert_output(context.model, slot, output_type);
}

} // namespace qgold::quant
