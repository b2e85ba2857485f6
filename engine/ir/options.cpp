#include "ir/options.h"

#include <array>
#include <utility>

namespace qgold::ir {
namespace {

using K = FieldKind;

// A field is its description and the struct member it lives in; the member's
// type decides the kind (same alternative order as FieldValue). Fixed fields
// have no member.
template <typename S>
using Member = std::variant<Padding S::*, Activation S::*, int32_t S::*, bool S::*, float S::*,
                            std::vector<int32_t> S::*, std::monostate>;
template <typename S> struct Field {
  FieldInfo info;
  Member<S> member;
};

// Schema defaults: padding SAME (0), numbers 0, dilations 1 (formats.md §1).
template <typename S> std::span<const Field<S>> table();

template <> std::span<const Field<NoOptions>> table() { return {}; }

template <> std::span<const Field<Conv2DOptions>> table() {
  using S = Conv2DOptions;
  static const Field<S> fields[] = {
      {{"padding", "padding", K::Padding, 0, 0}, &S::padding},
      {{"stride_w", "stride_w", K::Int, 1, 0}, &S::stride_w},
      {{"stride_h", "stride_h", K::Int, 2, 0}, &S::stride_h},
      {{"dilation_w_factor", "dilation_w_factor", K::Int, 4, 1}, &S::dilation_w_factor},
      {{"dilation_h_factor", "dilation_h_factor", K::Int, 5, 1}, &S::dilation_h_factor},
      {{"activation", "fused_activation_function", K::Activation, 3, 0}, &S::activation},
      // A bias/accumulator dtype other than the default one is not modelled.
      {{"quantized_bias_type", "quantized_bias_type", K::Fixed, 6, 0}, std::monostate{}},
  };
  return fields;
}

template <> std::span<const Field<DepthwiseConv2DOptions>> table() {
  using S = DepthwiseConv2DOptions;
  static const Field<S> fields[] = {
      {{"padding", "padding", K::Padding, 0, 0}, &S::padding},
      {{"stride_w", "stride_w", K::Int, 1, 0}, &S::stride_w},
      {{"stride_h", "stride_h", K::Int, 2, 0}, &S::stride_h},
      {{"depth_multiplier", "depth_multiplier", K::Int, 3, 0}, &S::depth_multiplier},
      {{"dilation_w_factor", "dilation_w_factor", K::Int, 5, 1}, &S::dilation_w_factor},
      {{"dilation_h_factor", "dilation_h_factor", K::Int, 6, 1}, &S::dilation_h_factor},
      {{"activation", "fused_activation_function", K::Activation, 4, 0}, &S::activation},
  };
  return fields;
}

template <> std::span<const Field<TransposeConvOptions>> table() {
  using S = TransposeConvOptions;
  static const Field<S> fields[] = {
      {{"padding", "padding", K::Padding, 0, 0}, &S::padding},
      {{"stride_w", "stride_w", K::Int, 1, 0}, &S::stride_w},
      {{"stride_h", "stride_h", K::Int, 2, 0}, &S::stride_h},
      {{"activation", "fused_activation_function", K::Activation, 3, 0}, &S::activation},
      {{"quantized_bias_type", "quantized_bias_type", K::Fixed, 4, 0}, std::monostate{}},
  };
  return fields;
}

template <> std::span<const Field<Pool2DOptions>> table() {
  using S = Pool2DOptions;
  static const Field<S> fields[] = {
      {{"padding", "padding", K::Padding, 0, 0}, &S::padding},
      {{"stride_w", "stride_w", K::Int, 1, 0}, &S::stride_w},
      {{"stride_h", "stride_h", K::Int, 2, 0}, &S::stride_h},
      {{"filter_width", "filter_width", K::Int, 3, 0}, &S::filter_width},
      {{"filter_height", "filter_height", K::Int, 4, 0}, &S::filter_height},
      {{"activation", "fused_activation_function", K::Activation, 5, 0}, &S::activation},
  };
  return fields;
}

template <> std::span<const Field<FullyConnectedOptions>> table() {
  using S = FullyConnectedOptions;
  static const Field<S> fields[] = {
      {{"activation", "fused_activation_function", K::Activation, 0, 0}, &S::activation},
      {{"keep_num_dims", "keep_num_dims", K::Bool, 2, 0}, &S::keep_num_dims},
      // Shuffled weight layouts are for specific kernels; qgold reads DEFAULT only.
      {{"weights_format", "weights_format", K::Fixed, 1, 0}, std::monostate{}},
      {{"quantized_bias_type", "quantized_bias_type", K::Fixed, 4, 0}, std::monostate{}},
  };
  return fields;
}

template <> std::span<const Field<ElementwiseOptions>> table() {
  using S = ElementwiseOptions;
  static const Field<S> fields[] = {
      {{"activation", "fused_activation_function", K::Activation, 0, 0}, &S::activation},
  };
  return fields;
}

template <> std::span<const Field<ConcatenationOptions>> table() {
  using S = ConcatenationOptions;
  static const Field<S> fields[] = {
      {{"axis", "axis", K::Int, 0, 0}, &S::axis},
      {{"activation", "fused_activation_function", K::Activation, 1, 0}, &S::activation},
  };
  return fields;
}

template <> std::span<const Field<SoftmaxOptions>> table() {
  static const Field<SoftmaxOptions> fields[] = {
      {{"beta", "beta", K::Float, 0, 0}, &SoftmaxOptions::beta},
  };
  return fields;
}

template <> std::span<const Field<ReducerOptions>> table() {
  static const Field<ReducerOptions> fields[] = {
      {{"keep_dims", "keep_dims", K::Bool, 0, 0}, &ReducerOptions::keep_dims},
  };
  return fields;
}

template <> std::span<const Field<SplitOptions>> table() {
  static const Field<SplitOptions> fields[] = {
      {{"num_splits", "num_splits", K::Int, 0, 0}, &SplitOptions::num_splits},
  };
  return fields;
}

template <> std::span<const Field<ReshapeOptions>> table() {
  static const Field<ReshapeOptions> fields[] = {
      {{"new_shape", "new_shape", K::IntList, 0, 0}, &ReshapeOptions::new_shape},
  };
  return fields;
}

template <> std::span<const Field<InstanceNormOptions>> table() {
  using S = InstanceNormOptions;
  static const Field<S> fields[] = {
      {{"epsilon", "epsilon", K::Float, 0, 0}, &S::epsilon},
      {{"activation", "fused_activation_function", K::Activation, 1, 0}, &S::activation},
  };
  return fields;
}

template <typename S> std::span<const FieldInfo> infos() {
  static const std::vector<FieldInfo> result = [] {
    std::vector<FieldInfo> out;
    for (const Field<S> &field : table<S>())
      out.push_back(field.info);
    return out;
  }();
  return result;
}

constexpr std::array<std::pair<Activation, std::string_view>, 5> kActivationNames = {{
    {Activation::None, "NONE"},
    {Activation::Relu, "RELU"},
    {Activation::ReluN1To1, "RELU_N1_TO_1"},
    {Activation::Relu6, "RELU6"},
    {Activation::Tanh, "TANH"},
}};

} // namespace

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

std::span<const FieldInfo> option_fields(const Options &options) {
  return std::visit([](const auto &opts) { return infos<std::decay_t<decltype(opts)>>(); },
                    options);
}

std::string_view field_kind_description(FieldKind kind) {
  switch (kind) {
  case FieldKind::Padding:
    return "SAME or VALID";
  case FieldKind::Activation:
    return "one of NONE, RELU, RELU_N1_TO_1, RELU6, TANH";
  case FieldKind::Int:
    return "a 32-bit integer";
  case FieldKind::Bool:
    return "true or false";
  case FieldKind::Float:
    return "a number";
  case FieldKind::IntList:
    return "a list of 32-bit integers";
  case FieldKind::Fixed:
    return "its default value";
  }
  return "";
}

void set_option(Options &options, std::string_view name, const FieldValue &value) {
  std::visit(
      [&](auto &opts) {
        using S = std::decay_t<decltype(opts)>;
        for (const Field<S> &field : table<S>()) {
          if (field.info.name != name)
            continue;
          std::visit(
              [&](auto member) {
                if constexpr (!std::is_same_v<decltype(member), std::monostate>) {
                  using V = std::remove_reference_t<decltype(opts.*member)>;
                  if (const V *typed = std::get_if<V>(&value))
                    opts.*member = *typed;
                }
              },
              field.member);
        }
      },
      options);
}

FieldValue get_option(const Options &options, std::string_view name) {
  FieldValue result;
  std::visit(
      [&](const auto &opts) {
        using S = std::decay_t<decltype(opts)>;
        for (const Field<S> &field : table<S>())
          if (field.info.name == name)
            std::visit(
                [&](auto member) {
                  if constexpr (!std::is_same_v<decltype(member), std::monostate>)
                    result = opts.*member;
                },
                field.member);
      },
      options);
  return result;
}

} // namespace qgold::ir
