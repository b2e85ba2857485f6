#include "ir/ops.h"

#include <algorithm>
#include <array>
#include <utility>

namespace qgold::ir {
namespace {

constexpr std::array<std::pair<OpCode, std::string_view>, 23> kOpNames = {{
    {OpCode::InstanceNorm, "InstanceNorm"},
    {OpCode::Add, "Add"},
    {OpCode::AveragePool2D, "AveragePool2D"},
    {OpCode::Concatenation, "Concatenation"},
    {OpCode::Conv2D, "Conv2D"},
    {OpCode::DepthwiseConv2D, "DepthwiseConv2D"},
    {OpCode::Dequantize, "Dequantize"},
    {OpCode::FullyConnected, "FullyConnected"},
    {OpCode::Logistic, "Logistic"},
    {OpCode::MaxPool2D, "MaxPool2D"},
    {OpCode::Mul, "Mul"},
    {OpCode::Relu, "ReLU"},
    {OpCode::Relu6, "ReLU6"},
    {OpCode::Reshape, "Reshape"},
    {OpCode::Softmax, "Softmax"},
    {OpCode::Tanh, "Tanh"},
    {OpCode::Pad, "Pad"},
    {OpCode::Mean, "Mean"},
    {OpCode::Sub, "Sub"},
    {OpCode::Split, "Split"},
    {OpCode::PRelu, "PRelu"},
    {OpCode::TransposeConv, "TransposeConv"},
    {OpCode::Quantize, "Quantize"},
}};

constexpr std::array<std::pair<Activation, std::string_view>, 5> kActivationNames = {{
    {Activation::None, "NONE"},
    {Activation::Relu, "RELU"},
    {Activation::ReluN1To1, "RELU_N1_TO_1"},
    {Activation::Relu6, "RELU6"},
    {Activation::Tanh, "TANH"},
}};

} // namespace

std::string_view op_name(OpCode code) {
  for (const auto &[op, name] : kOpNames)
    if (op == code)
      return name;
  return "?";
}

std::optional<OpCode> op_from_name(std::string_view name) {
  for (const auto &[op, op_name] : kOpNames)
    if (op_name == name)
      return op;
  return std::nullopt;
}

std::optional<OpCode> op_from_code(int32_t code) {
  for (const auto &[op, name] : kOpNames)
    if (static_cast<int32_t>(op) == code)
      return op;
  return std::nullopt;
}

const std::vector<OpCode> &all_ops() {
  static const std::vector<OpCode> ops = [] {
    std::vector<OpCode> result;
    for (const auto &[op, name] : kOpNames)
      result.push_back(op);
    return result;
  }();
  return ops;
}

std::string_view padding_name(Padding padding) {
  return padding == Padding::Same ? "SAME" : "VALID";
}

std::optional<Padding> padding_from_name(std::string_view name) {
  if (name == "SAME")
    return Padding::Same;
  if (name == "VALID")
    return Padding::Valid;
  return std::nullopt;
}

std::string_view activation_name(Activation activation) {
  for (const auto &[act, name] : kActivationNames)
    if (act == activation)
      return name;
  return "?";
}

std::optional<Activation> activation_from_name(std::string_view name) {
  for (const auto &[act, act_name] : kActivationNames)
    if (act_name == name)
      return act;
  return std::nullopt;
}

Options default_options(OpCode code) {
  switch (code) {
  case OpCode::Conv2D:
    return Conv2DOptions{};
  case OpCode::DepthwiseConv2D:
    return DepthwiseConv2DOptions{};
  case OpCode::TransposeConv:
    return TransposeConvOptions{};
  case OpCode::AveragePool2D:
  case OpCode::MaxPool2D:
    return Pool2DOptions{};
  case OpCode::FullyConnected:
    return FullyConnectedOptions{};
  case OpCode::Add:
  case OpCode::Sub:
  case OpCode::Mul:
    return ElementwiseOptions{};
  case OpCode::Concatenation:
    return ConcatenationOptions{};
  case OpCode::Softmax:
    return SoftmaxOptions{};
  case OpCode::Mean:
    return ReducerOptions{};
  case OpCode::Split:
    return SplitOptions{};
  case OpCode::Reshape:
    return ReshapeOptions{};
  case OpCode::InstanceNorm:
    return InstanceNormOptions{};
  default:
    return std::monostate{};
  }
}

Activation fused_activation(const Options &options) {
  return std::visit(
      [](const auto &opts) -> Activation {
        if constexpr (requires { opts.activation; })
          return opts.activation;
        else
          return Activation::None;
      },
      options);
}

} // namespace qgold::ir
