#include "ir/op_registry.h"

#include "ir/op_view.h"
#include "ir/shape_rules.h"

#include <algorithm>
#include <array>
#include <climits>

namespace qgold::ir {
namespace {

template <Shape (*rule)(const OpView &)> std::vector<Shape> single(const OpView &view) {
  return {rule(view)};
}

constexpr InputSlot kValue{};
constexpr InputSlot kBias{Role::Bias, true};
constexpr InputSlot kIndexConst{Role::IndexConst};
constexpr InputSlot kChannelParam{Role::ChannelParam};
constexpr InputSlot weights(int8_t axis) { return {Role::Weights, false, axis}; }

QuantTraits fixed(FixedParams uint8, FixedParams int16) {
  QuantTraits traits;
  traits.output = OutputParams::Fixed;
  traits.fixed_uint8 = uint8;
  traits.fixed_int16 = int16;
  return traits;
}
QuantTraits from_input(int8_t source, Backward backward = Backward::None) {
  QuantTraits traits;
  traits.output = OutputParams::FromInput;
  traits.source = source;
  traits.backward = backward;
  return traits;
}
QuantTraits backward(Backward kind) {
  QuantTraits traits;
  traits.backward = kind;
  return traits;
}

// The signature, quantization traits and shape rule of each op. The switch
// has no default: a new OpCode that is missing here does not compile
// (-Werror=switch).
void describe(OpInfo &op) {
  switch (op.code) {
  case OpCode::Conv2D:
    op.inputs = {kValue, weights(0), kBias};
    op.quant.weights_only = true;
    op.shape = single<conv2d_shape>;
    return;
  case OpCode::DepthwiseConv2D:
    op.inputs = {kValue, weights(3), kBias};
    op.quant.weights_only = true;
    op.shape = single<depthwise_conv2d_shape>;
    return;
  case OpCode::TransposeConv:
    op.inputs = {kIndexConst, weights(0), kValue, kBias};
    op.shape = single<transpose_conv_shape>;
    return;
  case OpCode::FullyConnected:
    op.inputs = {kValue, weights(0), kBias};
    op.quant.weights_only = true;
    op.shape = single<fully_connected_shape>;
    return;
  case OpCode::Add:
  case OpCode::Sub:
  case OpCode::Mul:
    op.inputs = {kValue, kValue};
    op.shape = single<broadcast_shape>;
    return;
  case OpCode::PRelu:
    op.inputs = {kValue, kChannelParam};
    op.shape = single<prelu_shape>;
    return;
  case OpCode::InstanceNorm:
    op.inputs = {kValue, kChannelParam, kChannelParam};
    op.shape = single<instance_norm_shape>;
    return;
  case OpCode::AveragePool2D:
  case OpCode::MaxPool2D: // ONE's default: MaxPool's output keeps its own range
    op.inputs = {kValue};
    op.shape = single<pool2d_shape>;
    return;
  case OpCode::Mean:
    op.inputs = {kValue, kIndexConst};
    op.shape = single<mean_shape>;
    return;
  case OpCode::Concatenation:
    op.inputs = {kValue};
    op.variadic = true;
    op.quant = backward(Backward::AllInputs);
    op.shape = single<concatenation_shape>;
    return;
  case OpCode::Split:
    op.inputs = {kIndexConst, kValue};
    op.outputs = OutputCount::NumSplits;
    op.quant = from_input(1);
    op.shape = split_shapes;
    return;
  case OpCode::Reshape:
    op.inputs = {kValue, {Role::IndexConst, true}};
    op.quant = from_input(0, Backward::FirstInput);
    op.shape = single<reshape_shape>;
    return;
  case OpCode::Pad:
    op.inputs = {kValue, kIndexConst};
    op.shape = single<pad_shape>;
    return;
  case OpCode::Relu:
  case OpCode::Relu6:
    op.inputs = {kValue};
    op.shape = single<same_shape>;
    return;
  case OpCode::Logistic:
    op.inputs = {kValue};
    op.quant = fixed({1.0f / 256.0f, 0}, {1.0f / 32768.0f, 0});
    op.shape = single<same_shape>;
    return;
  case OpCode::Tanh:
    op.inputs = {kValue};
    op.quant = fixed({2.0f / 256.0f, 128}, {1.0f / 32768.0f, 0});
    op.shape = single<same_shape>;
    return;
  case OpCode::Softmax:
    op.inputs = {kValue};
    op.quant = fixed({1.0f / 255.0f, 0}, {1.0f / 32767.0f, 0});
    op.shape = single<same_shape>;
    return;
  case OpCode::Quantize:
    op.inputs = {kValue};
    op.output_kind = OutputKind::Quantized;
    op.shape = single<same_shape>;
    return;
  case OpCode::Dequantize:
    op.inputs = {{Role::Dequantizable}};
    op.output_kind = OutputKind::Float;
    op.shape = single<same_shape>;
    return;
  }
}

std::vector<OpInfo> make_registry() {
  std::vector<OpInfo> ops;
#define QGOLD_OP(Name, Code, Type, Opts, Table, ChefOptions)                                       \
  ops.emplace_back();                                                                              \
  ops.back().code = OpCode::Name;                                                                  \
  ops.back().name = Type;                                                                          \
  ops.back().chef_options = ChefOptions;                                                          \
  ops.back().options_table = Table;                                                                \
  ops.back().circle_only = (Code) < 0;
#include "ir/ops.lst"
#undef QGOLD_OP
  for (OpInfo &op : ops)
    describe(op);
  return ops;
}

const std::vector<OpInfo> &registry() {
  static const std::vector<OpInfo> ops = make_registry();
  return ops;
}

} // namespace

size_t OpInfo::min_inputs() const {
  size_t count = inputs.size();
  while (count > 0 && inputs[count - 1].optional)
    --count;
  return count;
}

size_t OpInfo::max_inputs() const { return variadic ? SIZE_MAX : inputs.size(); }

const InputSlot &OpInfo::input(size_t slot) const {
  return variadic ? inputs.front() : inputs.at(slot);
}

int OpInfo::find_input(Role role) const {
  for (size_t i = 0; i < inputs.size(); ++i)
    if (inputs[i].role == role)
      return static_cast<int>(i);
  return -1;
}

const OpInfo &op_info(OpCode code) {
  for (const OpInfo &op : registry())
    if (op.code == code)
      return op;
  return registry().front(); // unreachable: every OpCode has a row in ops.lst
}

std::optional<WeightedOp> weighted_op(OpCode code) {
  const OpInfo &op = op_info(code);
  const int weights = op.find_input(Role::Weights);
  if (weights < 0)
    return std::nullopt;
  return WeightedOp{op.find_input(Role::Value), weights, op.find_input(Role::Bias),
                    op.inputs[static_cast<size_t>(weights)].channel_axis};
}

std::vector<int> value_operands(const Operator &op) {
  const OpInfo &info = op_info(op.code);
  std::vector<int> slots;
  for (size_t i = 0; i < op.inputs.size() && i < info.max_inputs(); ++i)
    if (info.input(i).role == Role::Value)
      slots.push_back(static_cast<int>(i));
  return slots;
}

// ---- ops.h: identity from ops.lst --------------------------------------

std::string_view op_name(OpCode code) { return op_info(code).name; }

std::optional<OpCode> op_from_name(std::string_view name) {
  for (const OpInfo &op : registry())
    if (op.name == name)
      return op.code;
  return std::nullopt;
}

std::optional<OpCode> op_from_code(int32_t code) {
  for (const OpInfo &op : registry())
    if (static_cast<int32_t>(op.code) == code)
      return op.code;
  return std::nullopt;
}

const std::vector<OpCode> &all_ops() {
  static const std::vector<OpCode> codes = [] {
    std::vector<OpCode> out;
    for (const OpInfo &op : registry())
      out.push_back(op.code);
    return out;
  }();
  return codes;
}

Options default_options(OpCode code) {
  switch (code) {
#define QGOLD_OP(Name, Code, Type, Opts, Table, ChefOptions)                                       \
  case OpCode::Name:                                                                               \
    return Opts{};
#include "ir/ops.lst"
#undef QGOLD_OP
  }
  return NoOptions{};
}

} // namespace qgold::ir
