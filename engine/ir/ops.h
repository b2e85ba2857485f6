#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

namespace qgold::ir {

// Values are the Circle BuiltinOperator codes (INSTANCE_NORM is Circle-only, -2).
enum class OpCode : int32_t {
  Add = 0,
  AveragePool2D = 1,
  Concatenation = 2,
  Conv2D = 3,
  DepthwiseConv2D = 4,
  Dequantize = 6,
  FullyConnected = 9,
  Logistic = 14,
  MaxPool2D = 17,
  Mul = 18,
  Relu = 19,
  Relu6 = 21,
  Reshape = 22,
  Softmax = 25,
  Tanh = 28,
  Pad = 34,
  Mean = 40,
  Sub = 41,
  Split = 49,
  PRelu = 54,
  TransposeConv = 67,
  Quantize = 114,
  InstanceNorm = -2,
};

// The tflchef operation type string: "Conv2D", "ReLU6", "InstanceNorm", ...
std::string_view op_name(OpCode code);
std::optional<OpCode> op_from_name(std::string_view name);
std::optional<OpCode> op_from_code(int32_t code);
// Every op qgold knows, in code order.
const std::vector<OpCode> &all_ops();

enum class Padding : int8_t { Same = 0, Valid = 1 };
enum class Activation : int8_t { None = 0, Relu = 1, ReluN1To1 = 2, Relu6 = 3, Tanh = 4 };

std::string_view padding_name(Padding padding);           // "SAME", "VALID"
std::optional<Padding> padding_from_name(std::string_view name);
std::string_view activation_name(Activation activation); // "NONE", "RELU", ...
std::optional<Activation> activation_from_name(std::string_view name);

// Option structs mirror the Circle/TFLite option tables; defaults are the
// tflchef recipe defaults (VALID padding, strides 1), not the schema defaults.
struct Conv2DOptions {
  Padding padding = Padding::Valid;
  int32_t stride_w = 1, stride_h = 1;
  int32_t dilation_w_factor = 1, dilation_h_factor = 1;
  Activation activation = Activation::None;
  bool operator==(const Conv2DOptions &) const = default;
};

struct DepthwiseConv2DOptions {
  Padding padding = Padding::Valid;
  int32_t stride_w = 1, stride_h = 1;
  int32_t depth_multiplier = 1;
  int32_t dilation_w_factor = 1, dilation_h_factor = 1;
  Activation activation = Activation::None;
  bool operator==(const DepthwiseConv2DOptions &) const = default;
};

struct TransposeConvOptions {
  Padding padding = Padding::Valid;
  int32_t stride_w = 1, stride_h = 1;
  Activation activation = Activation::None;
  bool operator==(const TransposeConvOptions &) const = default;
};

struct Pool2DOptions {
  Padding padding = Padding::Valid;
  int32_t stride_w = 1, stride_h = 1;
  int32_t filter_width = 1, filter_height = 1;
  Activation activation = Activation::None;
  bool operator==(const Pool2DOptions &) const = default;
};

struct FullyConnectedOptions {
  Activation activation = Activation::None;
  bool keep_num_dims = false;
  bool operator==(const FullyConnectedOptions &) const = default;
};

// Add, Sub and Mul.
struct ElementwiseOptions {
  Activation activation = Activation::None;
  bool operator==(const ElementwiseOptions &) const = default;
};

struct ConcatenationOptions {
  int32_t axis = 0;
  Activation activation = Activation::None;
  bool operator==(const ConcatenationOptions &) const = default;
};

struct SoftmaxOptions {
  float beta = 0.0f;
  bool operator==(const SoftmaxOptions &) const = default;
};

struct ReducerOptions {
  bool keep_dims = false;
  bool operator==(const ReducerOptions &) const = default;
};

struct SplitOptions {
  int32_t num_splits = 0;
  bool operator==(const SplitOptions &) const = default;
};

struct ReshapeOptions {
  std::vector<int32_t> new_shape;
  bool operator==(const ReshapeOptions &) const = default;
};

struct InstanceNormOptions {
  float epsilon = 1e-5f;
  Activation activation = Activation::None;
  bool operator==(const InstanceNormOptions &) const = default;
};

// std::monostate for ops without options (ReLU, Logistic, Pad, Quantize, ...).
using Options = std::variant<std::monostate, Conv2DOptions, DepthwiseConv2DOptions,
                             TransposeConvOptions, Pool2DOptions, FullyConnectedOptions,
                             ElementwiseOptions, ConcatenationOptions, SoftmaxOptions,
                             ReducerOptions, SplitOptions, ReshapeOptions, InstanceNormOptions>;

// The options an op carries by default (the right variant member, recipe defaults).
Options default_options(OpCode code);

// The fused activation of an op, or None when the op has no such option.
Activation fused_activation(const Options &options);

} // namespace qgold::ir
