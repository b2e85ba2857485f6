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

QuantTraits fixed(FixedParams uint8, FixedParams int16, FixedParams int8) {
  QuantTraits traits;
  traits.output = OutputParams::Fixed;
  traits.fixed_uint8 = uint8;
  traits.fixed_int16 = int16;
  traits.fixed_int8 = int8;
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

constexpr InputSlot kIndex{Role::Index};
constexpr InputSlot kCondition{Role::Condition};

QuantTraits integer_scale() {
  QuantTraits traits;
  traits.output = OutputParams::IntegerScale;
  return traits;
}

// Unary ops: one Value input, output shaped like it.
void unary(OpInfo &op, ValueTypes values = ValueTypes::Numeric) {
  op.inputs = {kValue};
  op.values = values;
  op.shape = single<same_shape>;
}

// Binary ops with numpy broadcasting.
void binary(OpInfo &op, ValueTypes values = ValueTypes::Numeric) {
  op.inputs = {kValue, kValue};
  op.values = values;
  op.shape = single<broadcast_shape>;
}

// Comparisons: a bool output; the operands are quantized independently.
void comparison(OpInfo &op) {
  binary(op, ValueTypes::Integer);
  op.output_kind = OutputKind::Bool;
  op.quant.mixed_precision = false;
}

// Axis reductions: input, axes.
void reduction(OpInfo &op) {
  op.inputs = {kValue, kIndexConst};
  op.values = ValueTypes::Integer;
  op.shape = single<reduce_shape>;
}

// The ops ONE refuses for const inputs and for mixed precision (quantization.md,
// per-op rules): its InsertQuantizeOp and QuantizeConstInputActivation do not list them.
void not_in_one_lists(OpInfo &op) {
  op.quant.refuses_const_inputs = true;
  op.quant.mixed_precision = false;
}

// The signature, quantization traits and shape rule of each op (the facts of
// ONE's per-op rules are in docs/quantization.md). The switch has no
// default: a new OpCode that is missing here does not compile (-Werror=switch).
void describe(OpInfo &op) {
  switch (op.code) {
  // Weighted ops.
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
  case OpCode::PRelu:
    op.inputs = {kValue, kChannelParam};
    op.shape = single<prelu_shape>;
    return;
  case OpCode::InstanceNorm:
    op.inputs = {kValue, kChannelParam, kChannelParam};
    op.shape = single<instance_norm_shape>;
    return;
  case OpCode::BatchMatMul: // a constant operand is an activation, not weights
    op.inputs = {kValue, kValue};
    op.shape = single<batch_matmul_shape>;
    return;

  // Elementwise binary.
  case OpCode::Add:
  case OpCode::Sub:
  case OpCode::Mul:
  case OpCode::Maximum:
  case OpCode::Minimum:
    binary(op, ValueTypes::Integer);
    return;
  case OpCode::Div:
  case OpCode::Pow:
    binary(op);
    return;
  case OpCode::FloorDiv:
    binary(op, ValueTypes::Integer);
    op.quant = integer_scale();
    return;
  case OpCode::SquaredDifference:
    binary(op);
    not_in_one_lists(op);
    return;
  case OpCode::Equal:
  case OpCode::NotEqual:
  case OpCode::Greater:
  case OpCode::GreaterEqual:
  case OpCode::Less:
  case OpCode::LessEqual:
    comparison(op);
    return;
  case OpCode::LogicalAnd:
  case OpCode::LogicalOr:
    binary(op, ValueTypes::Bool);
    op.output_kind = OutputKind::Bool;
    op.quant.mixed_precision = false;
    return;
  case OpCode::LogicalNot:
    unary(op, ValueTypes::Bool);
    op.output_kind = OutputKind::Bool;
    op.quant.mixed_precision = false;
    return;
  case OpCode::Select:
    op.inputs = {kCondition, kValue, kValue};
    op.values = ValueTypes::Integer;
    op.shape = single<select_shape>;
    not_in_one_lists(op);
    return;
  case OpCode::SelectV2:
    op.inputs = {kCondition, kValue, kValue};
    op.values = ValueTypes::Integer;
    op.shape = single<select_v2_shape>;
    op.quant.mixed_precision = false;
    return;

  // Elementwise unary.
  case OpCode::Abs:
  case OpCode::Exp:
  case OpCode::Sqrt:
  case OpCode::Rsqrt:
  case OpCode::Elu:
  case OpCode::Gelu:
    unary(op);
    return;
  case OpCode::LocalResponseNormalization:
    unary(op);
    op.shape = single<local_response_norm_shape>;
    return;
  case OpCode::Relu:
  case OpCode::Relu6:
    unary(op);
    op.quant.refuses_const_inputs = true;
    return;
  case OpCode::Neg:
    unary(op, ValueTypes::Integer);
    op.quant.refuses_const_inputs = true;
    return;
  case OpCode::LeakyRelu:
    unary(op);
    op.quant.refuses_const_inputs = true;
    return;
  case OpCode::Cos:
  case OpCode::Sin:
  case OpCode::Log:
  case OpCode::Square:
  case OpCode::HardSwish:
  case OpCode::ReluN1To1:
    unary(op);
    not_in_one_lists(op);
    return;
  case OpCode::L2Normalize: // not fixed in ONE (TFLite fixes it: docs/quantization.md)
    unary(op);
    not_in_one_lists(op);
    op.shape = single<l2_normalize_shape>;
    return;
  case OpCode::LogSoftmax: // likewise
    unary(op);
    not_in_one_lists(op);
    op.shape = single<last_axis_shape>;
    return;
  case OpCode::Floor:
    unary(op);
    op.quant = integer_scale();
    return;
  case OpCode::Logistic:
    unary(op);
    op.quant = fixed({1.0f / 256.0f, 0}, {1.0f / 32768.0f, 0}, {1.0f / 256.0f, -128});
    return;
  case OpCode::Tanh:
    unary(op);
    op.quant = fixed({2.0f / 256.0f, 128}, {1.0f / 32768.0f, 0}, {1.0f / 128.0f, 0});
    return;
  case OpCode::Softmax:
    unary(op);
    op.quant = fixed({1.0f / 255.0f, 0}, {1.0f / 32767.0f, 0}, {1.0f / 256.0f, -128});
    return;
  case OpCode::Cast:
    unary(op, ValueTypes::Castable);
    op.output_kind = OutputKind::FromOption;
    not_in_one_lists(op);
    return;

  // Windows and reductions.
  case OpCode::AveragePool2D:
  case OpCode::MaxPool2D: // ONE's default: MaxPool's output keeps its own range
    op.inputs = {kValue};
    op.quant.refuses_const_inputs = true;
    op.shape = single<pool2d_shape>;
    return;
  case OpCode::L2Pool2D:
    op.inputs = {kValue};
    not_in_one_lists(op);
    op.shape = single<pool2d_shape>;
    return;
  case OpCode::Mean:
    op.inputs = {kValue, kIndexConst};
    op.shape = single<reduce_shape>;
    return;
  case OpCode::Sum:
  case OpCode::ReduceMax:
  case OpCode::ReduceMin:
  case OpCode::ReduceProd:
    reduction(op);
    return;
  case OpCode::ArgMax:
  case OpCode::ArgMin:
    op.inputs = {kValue, kIndexConst};
    op.values = ValueTypes::Integer;
    op.output_kind = OutputKind::FromOption;
    op.quant.mixed_precision = false;
    op.shape = single<arg_shape>;
    return;
  case OpCode::ResizeBilinear:
  case OpCode::ResizeNearestNeighbor:
    op.inputs = {kValue, kIndexConst};
    op.shape = single<resize_shape>;
    return;

  // Moving values.
  case OpCode::Concatenation:
    op.inputs = {kValue};
    op.variadic = true;
    op.values = ValueTypes::Any;
    op.quant = backward(Backward::ValueInputs);
    op.shape = single<concatenation_shape>;
    return;
  case OpCode::Pack:
    op.inputs = {kValue};
    op.variadic = true;
    op.values = ValueTypes::Any;
    op.quant = backward(Backward::ValueInputs);
    op.shape = single<pack_shape>;
    return;
  case OpCode::Unpack:
    op.inputs = {kValue};
    op.values = ValueTypes::Any;
    op.outputs = OutputCount::Num;
    op.quant = from_input(0);
    op.shape = unpack_shapes;
    return;
  case OpCode::Split:
    op.inputs = {kIndexConst, kValue};
    op.values = ValueTypes::Any;
    op.outputs = OutputCount::NumSplits;
    op.quant = from_input(1);
    op.shape = split_shapes;
    return;
  case OpCode::SplitV:
    op.inputs = {kValue, kIndexConst, kIndexConst};
    op.values = ValueTypes::Any;
    op.outputs = OutputCount::NumSplits;
    op.quant = from_input(0);
    op.shape = split_v_shapes;
    return;
  case OpCode::Reshape:
    op.inputs = {kValue, {Role::IndexConst, true}};
    op.values = ValueTypes::Any;
    op.quant = from_input(0, Backward::FirstInput);
    op.shape = single<reshape_shape>;
    return;
  case OpCode::Transpose:
    op.inputs = {kValue, kIndexConst};
    op.values = ValueTypes::Any;
    op.quant = from_input(0, Backward::FirstInput);
    op.shape = single<transpose_shape>;
    return;
  case OpCode::Gather:
    op.inputs = {kValue, kIndex};
    op.values = ValueTypes::Any;
    op.quant = from_input(0);
    op.shape = single<gather_shape>;
    return;
  case OpCode::StridedSlice:
    op.inputs = {kValue, kIndexConst, kIndexConst, kIndexConst};
    op.values = ValueTypes::Any;
    op.quant = from_input(0);
    op.shape = single<strided_slice_shape>;
    return;
  case OpCode::Slice:
    op.inputs = {kValue, kIndexConst, kIndexConst};
    op.values = ValueTypes::Any;
    op.shape = single<slice_shape>;
    return;
  case OpCode::Squeeze:
    op.inputs = {kValue};
    op.values = ValueTypes::Any;
    op.shape = single<squeeze_shape>;
    return;
  case OpCode::ExpandDims:
    op.inputs = {kValue, kIndexConst};
    op.values = ValueTypes::Any;
    op.quant.mixed_precision = false;
    op.shape = single<expand_dims_shape>;
    return;
  case OpCode::Tile:
    op.inputs = {kValue, kIndexConst};
    op.values = ValueTypes::Any;
    op.shape = single<tile_shape>;
    return;
  case OpCode::Pad:
  case OpCode::MirrorPad:
    op.inputs = {kValue, kIndexConst};
    op.values = ValueTypes::Integer;
    op.shape = single<pad_shape>;
    return;
  case OpCode::PadV2:
    op.inputs = {kValue, kIndexConst, kValue};
    op.values = ValueTypes::Integer;
    op.quant = backward(Backward::ValueInputs);
    op.shape = single<pad_shape>;
    return;
  case OpCode::DepthToSpace:
    op.inputs = {kValue};
    op.values = ValueTypes::Integer;
    op.shape = single<depth_to_space_shape>;
    return;
  case OpCode::SpaceToDepth:
    op.inputs = {kValue};
    op.values = ValueTypes::Integer;
    op.shape = single<space_to_depth_shape>;
    return;
  case OpCode::BatchToSpaceND:
    op.inputs = {kValue, kIndexConst, kIndexConst};
    op.values = ValueTypes::Integer;
    op.shape = single<batch_to_space_nd_shape>;
    return;
  case OpCode::SpaceToBatchND:
    op.inputs = {kValue, kIndexConst, kIndexConst};
    op.values = ValueTypes::Integer;
    op.shape = single<space_to_batch_nd_shape>;
    return;
  case OpCode::Shape:
    unary(op, ValueTypes::Any);
    op.output_kind = OutputKind::FromOption;
    op.shape = single<shape_of_shape>;
    not_in_one_lists(op);
    return;
  case OpCode::OneHot:
    op.inputs = {kIndex, kIndexConst, kValue, kValue};
    op.values = ValueTypes::Any;
    op.quant = backward(Backward::ValueInputs);
    op.shape = single<one_hot_shape>;
    return;

  // Conversions.
  case OpCode::Quantize:
    unary(op);
    op.output_kind = OutputKind::Quantized;
    not_in_one_lists(op);
    return;
  case OpCode::Dequantize:
    op.inputs = {{Role::Dequantizable}};
    op.output_kind = OutputKind::Float;
    op.shape = single<same_shape>;
    not_in_one_lists(op);
    return;
  case OpCode::Densify: // folded into its constant when a model is read
    unary(op);
    not_in_one_lists(op);
    return;

  // Read, written and inspected; never run (its kernel is not TFLite's to define).
  case OpCode::Custom:
    op.inputs = {{Role::Value, true}};
    op.variadic = true;
    op.values = ValueTypes::Any;
    op.outputs = OutputCount::Declared;
    op.output_kind = OutputKind::Declared;
    op.shape = declared_shapes;
    not_in_one_lists(op);
    return;
  }
}

// The ops TFLite's int8 quantization spec restricts to inputs and outputs
// of one scale and zero point, and those whose TFLite kernels require it
// (Pack, ReduceMax, ReduceMin) or copy codes assuming it (ExpandDims, Tile,
// MirrorPad, DepthToSpace, ResizeNearestNeighbor), as TFLite's converter
// gives them one scale.
bool int8_same_params(OpCode code) {
  switch (code) {
  case OpCode::ExpandDims:
  case OpCode::Pack:
  case OpCode::Tile:
  case OpCode::MirrorPad:
  case OpCode::DepthToSpace:
  case OpCode::ReduceMax:
  case OpCode::ReduceMin:
  case OpCode::ResizeNearestNeighbor:
  case OpCode::AveragePool2D:
  case OpCode::MaxPool2D:
  case OpCode::Concatenation:
  case OpCode::Reshape:
  case OpCode::Pad:
  case OpCode::PadV2:
  case OpCode::ResizeBilinear:
  case OpCode::SpaceToDepth:
  case OpCode::Gather:
  case OpCode::BatchToSpaceND:
  case OpCode::SpaceToBatchND:
  case OpCode::Transpose:
  case OpCode::Squeeze:
  case OpCode::Slice:
  case OpCode::Maximum:
  case OpCode::Minimum:
    return true;
  default:
    return false;
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
  for (OpInfo &op : ops) {
    describe(op);
    op.quant.same_params_int8 = int8_same_params(op.code);
  }
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

int64_t expected_output_count(const Operator &op) {
  switch (op_info(op.code).outputs) {
  case OutputCount::One:
    return 1;
  case OutputCount::NumSplits:
    return std::get<SplitOptions>(op.options).num_splits;
  case OutputCount::Num:
    return std::get<UnpackOptions>(op.options).num;
  case OutputCount::Declared:
    return static_cast<int64_t>(op.outputs.size());
  }
  return 1;
}

std::optional<DType> option_output_dtype(const Options &options) {
  if (const auto *arg = std::get_if<ArgOptions>(&options))
    return arg->output_type;
  if (const auto *shape = std::get_if<ShapeOptions>(&options))
    return shape->out_type;
  if (const auto *cast = std::get_if<CastOptions>(&options))
    return cast->out_data_type;
  return std::nullopt;
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
