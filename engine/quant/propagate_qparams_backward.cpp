// Step 4: the registry's Backward ops pass their output parameters back so
// that they need no rescaling: Concatenation, Pack, PadV2 and OneHot to their
// Value inputs, Reshape and Transpose to their input (FirstInput); a PadV2
// that pads with the lowest float takes its input's instead (ONE's
// PropagateQParamBackwardPass). Visits ops consumers-first (reverse execution order).

#include "ir/error.h"
#include "ir/op_registry.h"
#include "quant/fresh_quantizer.h"
#include "quant/primitives.h"
#include "quant/quantize_passes.h"
#include "quant/tensor_math.h"

#include <fmt/format.h>

#include <limits>

namespace qgold::quant {
namespace {

// Readers of a tensor, counting a graph output as one more.
size_t user_count(const ir::Model &model, int32_t tensor) {
  size_t users = model.is_graph_output(tensor) ? 1 : 0;
  for (const auto &op : model.operators)
    for (int32_t input : op.inputs)
      users += input == tensor;
  return users;
}

bool has_scale(const ir::Tensor &tensor) { return tensor.quant && !tensor.quant->scale.empty(); }

// A constant quantized with the given single scale/zero point (QV).
void quantize_with(ir::Tensor &constant, const ir::Tensor &like) {
  const float scale = like.quant->scale[0];
  const int64_t zero_point = like.quant->zero_point[0];
  int32_t q_min = 0, q_max = 255; // uint8
  if (like.dtype == ir::DType::Int8) { // asymmetric int8 activations: the whole range
    q_min = -128;
    q_max = 127;
  } else if (like.dtype != ir::DType::UInt8) {
    q_min = -sym_q_max(like.dtype);
    q_max = sym_q_max(like.dtype);
  }
  std::vector<int64_t> codes;
  for (float value : float_values(constant))
    codes.push_back(quantize_with_params(value, scale, zero_point, q_min, q_max));
  store_codes(constant, like.dtype, codes);
  constant.quant = like.quant;
}

// The op that writes `tensor`, or null for graph inputs and constants.
const ir::Operator *producer(const ir::Model &model, int32_t tensor) {
  for (const auto &op : model.operators)
    for (int32_t output : op.outputs)
      if (output == tensor)
        return &op;
  return nullptr;
}

// PadV2 whose constant_values is a float constant starting with the lowest
// float (the padding of a converted MaxPoolWithArgmax): ONE gives the output
// and the constant the input's parameters, so that the constant (clipped to
// the lowest code) does not stretch the range.
bool pads_with_lowest_float(const ir::Model &model, const ir::Operator &op) {
  if (op.code != ir::OpCode::PadV2 || op.inputs.size() < 3)
    return false;
  const ir::Tensor &value = model.tensors[op.inputs[2]];
  if (!value.is_constant() || value.dtype != ir::DType::Float32)
    return false;
  const std::vector<float> values = float_values(value);
  return !values.empty() && values[0] == std::numeric_limits<float>::lowest();
}

void propagate_pad_input(ir::Model &model, int32_t op_index) {
  const ir::Operator &op = model.operators[op_index];
  const ir::Tensor input = model.tensors[op.inputs[0]];
  if (!has_scale(input))
    throw UnsupportedError(fmt::format("operator {} (PadV2): input '{}' has no quantization "
                                       "parameters to give the lowest-float padding",
                                       op_index, input.name));
  model.tensors[op.outputs[0]].quant = input.quant;
  quantize_with(model.tensors[op.inputs[2]], input);
}

// Concatenation, Pack, PadV2, OneHot: every Value input takes the output's
// parameters (a float constant is quantized with them, QV). With a fused
// activation (Concatenation only) constants get their own and nothing flows.
void propagate_to_value_inputs(ir::Model &model, int32_t op_index) {
  const ir::Operator &op = model.operators[op_index];
  const ir::Tensor output = model.tensors[op.outputs[0]];
  const bool fused = ir::fused_activation(op.options) != ir::Activation::None;
  for (int slot : ir::value_operands(op)) {
    const int32_t input = op.inputs[slot];
    ir::Tensor &tensor = model.tensors[input];
    if (tensor.is_constant()) {
      if (tensor.quant && !tensor.quant->scale.empty())
        continue; // already quantized
      if (tensor.dtype != ir::DType::Float32)
        throw UnsupportedError(fmt::format("operator {} ({}): constant input '{}' is {}; ONE quantizes float32 "
                                           "constants only",
                                           op_index, ir::op_name(op.code), tensor.name,
                                           ir::dtype_name(tensor.dtype)));
      if (fused)
        quantize_constant(tensor, output.dtype);
      else
        quantize_with(tensor, output);
    } else if (!fused && has_scale(tensor) && user_count(model, input) == 1) {
      tensor.quant = output.quant;
    }
  }
}

// Reshape, Transpose: the input takes the output's parameters when the op is
// its only reader and it is not one output of a multi-output op (a virtual
// SplitOut/SplitVOut/UnpackOut node in ONE, which this step skips).
void propagate_reshape(ir::Model &model, const ir::Operator &op) {
  const int32_t input = op.inputs[0];
  ir::Tensor &tensor = model.tensors[input];
  const ir::Operator *writer = producer(model, input);
  if (writer && ir::op_info(writer->code).outputs != ir::OutputCount::One)
    return;
  if (!tensor.is_constant() && has_scale(tensor) && user_count(model, input) == 1)
    tensor.quant = model.tensors[op.outputs[0]].quant;
}

} // namespace

void propagate_qparams_backward(QuantizeContext &context) {
  ir::Model &model = context.model;
  for (size_t i = model.operators.size(); i-- > 0;) {
    const ir::Operator op = model.operators[i];
    if (!has_scale(model.tensors[op.outputs[0]]))
      continue;
    switch (ir::op_info(op.code).quant.backward) {
    case ir::Backward::ValueInputs:
      if (pads_with_lowest_float(model, op))
        propagate_pad_input(model, static_cast<int32_t>(i));
      else
        propagate_to_value_inputs(model, static_cast<int32_t>(i));
      break;
    case ir::Backward::FirstInput:
      propagate_reshape(model, op);
      break;
    case ir::Backward::None:
      break;
    }
  }
}

} // namespace qgold::quant
