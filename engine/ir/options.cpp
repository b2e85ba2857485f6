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
using Member = std::variant<Padding S::*, Activation S::*, MirrorPadMode S::*, DType S::*,
                            int32_t S::*, bool S::*, float S::*, std::vector<int32_t> S::*,
                            std::monostate>;
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

template <> std::span<const Field<LeakyReluOptions>> table() {
  static const Field<LeakyReluOptions> fields[] = {
      {{"alpha", "alpha", K::Float, 0, 0}, &LeakyReluOptions::alpha},
  };
  return fields;
}

template <> std::span<const Field<GeluOptions>> table() {
  static const Field<GeluOptions> fields[] = {
      {{"approximate", "approximate", K::Bool, 0, 0}, &GeluOptions::approximate},
  };
  return fields;
}

template <> std::span<const Field<LocalResponseNormalizationOptions>> table() {
  using S = LocalResponseNormalizationOptions;
  static const Field<S> fields[] = {
      {{"radius", "radius", K::Int, 0, 0}, &S::radius},
      {{"bias", "bias", K::Float, 1, 0}, &S::bias},
      {{"alpha", "alpha", K::Float, 2, 0}, &S::alpha},
      {{"beta", "beta", K::Float, 3, 0}, &S::beta},
  };
  return fields;
}

template <> std::span<const Field<CastOptions>> table() {
  using S = CastOptions;
  static const Field<S> fields[] = {
      {{"in_data_type", "in_data_type", K::DType, 0, 0}, &S::in_data_type},
      {{"out_data_type", "out_data_type", K::DType, 1, 0}, &S::out_data_type},
  };
  return fields;
}

template <> std::span<const Field<ArgOptions>> table() {
  static const Field<ArgOptions> fields[] = {
      {{"output_type", "output_type", K::DType, 0, 0}, &ArgOptions::output_type},
  };
  return fields;
}

template <> std::span<const Field<ShapeOptions>> table() {
  static const Field<ShapeOptions> fields[] = {
      {{"out_type", "out_type", K::DType, 0, 0}, &ShapeOptions::out_type},
  };
  return fields;
}

template <> std::span<const Field<GatherOptions>> table() {
  static const Field<GatherOptions> fields[] = {
      {{"axis", "axis", K::Int, 0, 0}, &GatherOptions::axis},
      {{"batch_dims", "batch_dims", K::Int, 1, 0}, &GatherOptions::batch_dims},
  };
  return fields;
}

template <> std::span<const Field<StridedSliceOptions>> table() {
  using S = StridedSliceOptions;
  static const Field<S> fields[] = {
      {{"begin_mask", "begin_mask", K::Int, 0, 0}, &S::begin_mask},
      {{"end_mask", "end_mask", K::Int, 1, 0}, &S::end_mask},
      {{"ellipsis_mask", "ellipsis_mask", K::Int, 2, 0}, &S::ellipsis_mask},
      {{"new_axis_mask", "new_axis_mask", K::Int, 3, 0}, &S::new_axis_mask},
      {{"shrink_axis_mask", "shrink_axis_mask", K::Int, 4, 0}, &S::shrink_axis_mask},
      {{"offset", "offset", K::Bool, 5, 0}, &S::offset},
  };
  return fields;
}

template <> std::span<const Field<SqueezeOptions>> table() {
  static const Field<SqueezeOptions> fields[] = {
      {{"squeeze_dim", "squeeze_dims", K::IntList, 0, 0}, &SqueezeOptions::squeeze_dims},
  };
  return fields;
}

template <> std::span<const Field<PackOptions>> table() {
  static const Field<PackOptions> fields[] = {
      {{"values_count", "values_count", K::Int, 0, 0}, &PackOptions::values_count},
      {{"axis", "axis", K::Int, 1, 0}, &PackOptions::axis},
  };
  return fields;
}

template <> std::span<const Field<UnpackOptions>> table() {
  static const Field<UnpackOptions> fields[] = {
      {{"num", "num", K::Int, 0, 0}, &UnpackOptions::num},
      {{"axis", "axis", K::Int, 1, 0}, &UnpackOptions::axis},
  };
  return fields;
}

template <> std::span<const Field<MirrorPadOptions>> table() {
  static const Field<MirrorPadOptions> fields[] = {
      {{"mode", "mode", K::MirrorPadMode, 0, 0}, &MirrorPadOptions::mode},
  };
  return fields;
}

template <> std::span<const Field<BlockSizeOptions>> table() {
  static const Field<BlockSizeOptions> fields[] = {
      {{"block_size", "block_size", K::Int, 0, 0}, &BlockSizeOptions::block_size},
  };
  return fields;
}

template <> std::span<const Field<OneHotOptions>> table() {
  static const Field<OneHotOptions> fields[] = {
      {{"axis", "axis", K::Int, 0, 0}, &OneHotOptions::axis},
  };
  return fields;
}

template <> std::span<const Field<BatchMatMulOptions>> table() {
  using S = BatchMatMulOptions;
  static const Field<S> fields[] = {
      {{"adj_x", "adjoint_lhs", K::Bool, 0, 0}, &S::adj_x},
      {{"adj_y", "adjoint_rhs", K::Bool, 1, 0}, &S::adj_y},
      // Hybrid (weights-only) kernels' input quantization is not modelled.
      {{"asymmetric_quantize_inputs", "asymmetric_quantize_inputs", K::Fixed, 2, 0},
       std::monostate{}},
  };
  return fields;
}

// Ids 0 and 1 are the deprecated new_height/new_width.
template <> std::span<const Field<ResizeBilinearOptions>> table() {
  using S = ResizeBilinearOptions;
  static const Field<S> fields[] = {
      {{"align_corners", "align_corners", K::Bool, 2, 0}, &S::align_corners},
      {{"half_pixel_centers", "half_pixel_centers", K::Bool, 3, 0}, &S::half_pixel_centers},
  };
  return fields;
}

template <> std::span<const Field<ResizeNearestNeighborOptions>> table() {
  using S = ResizeNearestNeighborOptions;
  static const Field<S> fields[] = {
      {{"align_corners", "align_corners", K::Bool, 0, 0}, &S::align_corners},
      {{"half_pixel_centers", "half_pixel_centers", K::Bool, 1, 0}, &S::half_pixel_centers},
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

std::string_view mirror_pad_mode_name(MirrorPadMode mode) {
  return mode == MirrorPadMode::Reflect ? "REFLECT" : "SYMMETRIC";
}

std::optional<MirrorPadMode> mirror_pad_mode_from_name(std::string_view name) {
  if (name == "REFLECT")
    return MirrorPadMode::Reflect;
  if (name == "SYMMETRIC")
    return MirrorPadMode::Symmetric;
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
  case FieldKind::MirrorPadMode:
    return "REFLECT or SYMMETRIC";
  case FieldKind::DType:
    return "a tensor type (FLOAT32, INT32, INT64, BOOL, UINT8, ...)";
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
