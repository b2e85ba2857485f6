#pragma once

// The operator registry: everything qgold knows about an op, in one place.
// Identity (name, codes, options) comes from ops.lst; the operand signature,
// quantization traits and shape rule from op_registry.cpp. Validation, the
// model reader and writer, the recipe parsers, the interpreter's dispatch and
// the quantization passes all read their per-op knowledge from here.

#include "ir/model.h"

#include <string_view>
#include <vector>

namespace qgold::ir {

class OpView;

// What an input slot holds; decides its dtypes and what each quantization
// step does with it.
enum class Role : uint8_t {
  Value,         // an activation, or a constant standing where one goes
  Weights,       // filter/weights: fake-quantized, per channel on channel_axis
  Bias,          // float32, or int32/int64 quantized with s_in * s_w
  ChannelParam,  // PRelu alpha, InstanceNorm gamma/beta (quantization.md §3.2)
  IndexConst,    // int32/int64 constant: shape, axes, paddings, sizes, output_shape
  Index,         // int32/int64 tensor, constant or computed: Gather/OneHot indices
  Condition,     // bool tensor: Select's condition
  Dequantizable, // Dequantize's input: quantized integers or float16
};

// The dtypes an op's Value inputs may have. Every op takes float32 and
// quantized integers (integers with a scale); some also compute on plain
// integers (shape arithmetic in converter-made models) or booleans.
enum class ValueTypes : uint8_t {
  Numeric,  // float32 or quantized
  Integer,  // also int32/int64
  Any,      // also int32/int64 and bool
  Bool,     // bool only (logical ops)
  Castable, // Any, and plain (unscaled) uint8/int8/int16: every dtype Cast converts
};

struct InputSlot {
  Role role = Role::Value;
  bool optional = false;    // may be absent (-1), or left out when it is last
  int8_t channel_axis = -1; // Weights: the per-channel axis (quantization.md §4)
};

enum class OutputCount : uint8_t {
  One,
  Declared,  // as many as the model declares (custom ops)
  NumSplits, // SplitOptions::num_splits (Split, SplitV)
  Num,       // UnpackOptions::num
};

// The dtype an op's outputs have next to its inputs.
enum class OutputKind : uint8_t {
  Value,      // like the op's Value inputs (float32, quantized, or their plain integer dtype)
  Quantized,  // Quantize: integers with a scale
  Float,      // Dequantize: float32
  Bool,       // comparisons and logical ops
  FromOption, // the dtype option of the op (ArgMax output_type, Shape out_type, Cast out_data_type)
  Declared,   // whatever the model declares (custom ops)
};

// How quantize-with-minmax gives an op's outputs their parameters
// (quantization.md §7).
enum class OutputParams : uint8_t {
  OwnRange,     // from the output's recorded min/max
  Fixed,        // fixed by the op's math (fixed_uint8 / fixed_int16)
  FromInput,    // copied forward from input `source` (it only moves values)
  IntegerScale, // own range, then the scale rounded to an integer >= 1 (Floor, FloorDiv)
};

// Parameters an op's output passes back to its inputs, so it needs no rescale.
enum class Backward : uint8_t {
  None,
  ValueInputs, // Concatenation, Pack, PadV2, OneHot: every Value input takes them
  FirstInput,  // Reshape, Transpose: input 0 takes them when the op is its only reader
};

struct FixedParams {
  float scale = 0.0f;
  int64_t zero_point = 0;
};

struct QuantTraits {
  OutputParams output = OutputParams::OwnRange;
  int8_t source = -1;                                // FromInput: which input
  FixedParams fixed_uint8, fixed_int16, fixed_int8;  // Fixed (int8: TFLite's spec)
  Backward backward = Backward::None;
  bool weights_only = false; // --quantize_weights quantizes its Weights input
  // A float constant in a Value input is quantized per tensor; ONE refuses
  // any constant input of the ops that set this ("Unsupported Op for const inputs").
  bool refuses_const_inputs = false;
  // A qconf may give the op another dtype (ONE's InsertQuantizeOp lists it).
  bool mixed_precision = true;
  // TFLite's int8 spec: inputs and output share one scale and zero point
  // (quantization.md, int8): the output takes its input's, or inputs are requantized.
  bool same_params_int8 = false;
};

// Output shapes of an op from its input shapes, options and int32 constants.
using ShapeRule = std::vector<Shape> (*)(const OpView &view);

struct OpInfo {
  OpCode code{};
  std::string_view name;         // the recipe type: "Conv2D", "ReLU6"
  std::string_view chef_options; // tflchef's options field, "" when none
  uint8_t options_table = 0;     // index in the BuiltinOptions union, 0 = none
  bool circle_only = false;

  std::vector<InputSlot> inputs;
  bool variadic = false; // any number >= 1 of inputs, each like inputs[0]
  ValueTypes values = ValueTypes::Numeric;
  OutputCount outputs = OutputCount::One;
  OutputKind output_kind = OutputKind::Value;
  QuantTraits quant;
  ShapeRule shape = nullptr;

  size_t min_inputs() const;
  size_t max_inputs() const; // SIZE_MAX when variadic
  // The slot description of input `slot` (variadic ops repeat inputs[0]).
  const InputSlot &input(size_t slot) const;
  // The first input slot with `role`, or -1.
  int find_input(Role role) const;
};

const OpInfo &op_info(OpCode code);

// Where an op with weights keeps them: Conv2D, DepthwiseConv2D, TransposeConv
// and FullyConnected. `activation` is the input the bias scale multiplies.
struct WeightedOp {
  int activation, weights, bias, channel_axis;
};
std::optional<WeightedOp> weighted_op(OpCode code);

// Slots of the activation operands: Value inputs (all inputs of a variadic op).
std::vector<int> value_operands(const Operator &op);

// The number of outputs `op` must have (OutputCount), or -1 when its options
// do not say (a negative num_splits).
int64_t expected_output_count(const Operator &op);

// The output dtype an OutputKind::FromOption op declares in its options.
std::optional<DType> option_output_dtype(const Options &options);

} // namespace qgold::ir
