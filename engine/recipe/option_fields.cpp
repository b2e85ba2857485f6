#include "recipe/option_fields.h"

#include <span>

namespace qgold::recipe {
namespace {

using namespace qgold::ir;

// A field is a name and a pointer to the struct member; the member's type
// decides the kind (same alternative order as OptionValue).
template <typename S>
using Member = std::variant<Padding S::*, Activation S::*, int32_t S::*, bool S::*, float S::*,
                            std::vector<int32_t> S::*>;
template <typename S> struct Field {
  std::string_view name;
  Member<S> member;
};

std::span<const Field<Conv2DOptions>> fields(const Conv2DOptions *) {
  using S = Conv2DOptions;
  static const Field<S> table[] = {{"padding", &S::padding},
                                   {"stride_w", &S::stride_w},
                                   {"stride_h", &S::stride_h},
                                   {"dilation_w_factor", &S::dilation_w_factor},
                                   {"dilation_h_factor", &S::dilation_h_factor},
                                   {"activation", &S::activation}};
  return table;
}

std::span<const Field<DepthwiseConv2DOptions>> fields(const DepthwiseConv2DOptions *) {
  using S = DepthwiseConv2DOptions;
  static const Field<S> table[] = {{"padding", &S::padding},
                                   {"stride_w", &S::stride_w},
                                   {"stride_h", &S::stride_h},
                                   {"depth_multiplier", &S::depth_multiplier},
                                   {"dilation_w_factor", &S::dilation_w_factor},
                                   {"dilation_h_factor", &S::dilation_h_factor},
                                   {"activation", &S::activation}};
  return table;
}

std::span<const Field<TransposeConvOptions>> fields(const TransposeConvOptions *) {
  using S = TransposeConvOptions;
  static const Field<S> table[] = {{"padding", &S::padding},
                                   {"stride_w", &S::stride_w},
                                   {"stride_h", &S::stride_h},
                                   {"activation", &S::activation}};
  return table;
}

std::span<const Field<Pool2DOptions>> fields(const Pool2DOptions *) {
  using S = Pool2DOptions;
  static const Field<S> table[] = {{"padding", &S::padding},
                                   {"stride_w", &S::stride_w},
                                   {"stride_h", &S::stride_h},
                                   {"filter_width", &S::filter_width},
                                   {"filter_height", &S::filter_height},
                                   {"activation", &S::activation}};
  return table;
}

std::span<const Field<FullyConnectedOptions>> fields(const FullyConnectedOptions *) {
  using S = FullyConnectedOptions;
  static const Field<S> table[] = {{"activation", &S::activation},
                                   {"keep_num_dims", &S::keep_num_dims}};
  return table;
}

std::span<const Field<ElementwiseOptions>> fields(const ElementwiseOptions *) {
  static const Field<ElementwiseOptions> table[] = {{"activation", &ElementwiseOptions::activation}};
  return table;
}

std::span<const Field<ConcatenationOptions>> fields(const ConcatenationOptions *) {
  using S = ConcatenationOptions;
  static const Field<S> table[] = {{"axis", &S::axis}, {"activation", &S::activation}};
  return table;
}

std::span<const Field<SoftmaxOptions>> fields(const SoftmaxOptions *) {
  static const Field<SoftmaxOptions> table[] = {{"beta", &SoftmaxOptions::beta}};
  return table;
}

std::span<const Field<ReducerOptions>> fields(const ReducerOptions *) {
  static const Field<ReducerOptions> table[] = {{"keep_dims", &ReducerOptions::keep_dims}};
  return table;
}

std::span<const Field<SplitOptions>> fields(const SplitOptions *) {
  static const Field<SplitOptions> table[] = {{"num_splits", &SplitOptions::num_splits}};
  return table;
}

std::span<const Field<ReshapeOptions>> fields(const ReshapeOptions *) {
  static const Field<ReshapeOptions> table[] = {{"new_shape", &ReshapeOptions::new_shape}};
  return table;
}

std::span<const Field<InstanceNormOptions>> fields(const InstanceNormOptions *) {
  using S = InstanceNormOptions;
  static const Field<S> table[] = {{"epsilon", &S::epsilon}, {"activation", &S::activation}};
  return table;
}

std::span<const Field<std::monostate>> fields(const std::monostate *) { return {}; }

} // namespace

std::vector<OptionField> option_fields(OpCode code) {
  std::vector<OptionField> result;
  std::visit(
      [&](const auto &opts) {
        for (const auto &field : fields(&opts))
          result.push_back({field.name, static_cast<OptionKind>(field.member.index())});
      },
      default_options(code));
  return result;
}

std::string_view option_kind_description(OptionKind kind) {
  switch (kind) {
  case OptionKind::Padding:
    return "SAME or VALID";
  case OptionKind::Activation:
    return "one of NONE, RELU, RELU_N1_TO_1, RELU6, TANH";
  case OptionKind::Int:
    return "a 32-bit integer";
  case OptionKind::Bool:
    return "true or false";
  case OptionKind::Float:
    return "a number";
  case OptionKind::IntList:
    return "a list of 32-bit integers";
  }
  return "";
}

void set_option(Options &options, std::string_view name, const OptionValue &value) {
  std::visit(
      [&](auto &opts) {
        for (const auto &field : fields(&opts))
          if (field.name == name)
            std::visit(
                [&](auto member) {
                  using V = std::remove_reference_t<decltype(opts.*member)>;
                  if (const V *typed = std::get_if<V>(&value))
                    opts.*member = *typed;
                },
                field.member);
      },
      options);
}

OptionValue get_option(const Options &options, std::string_view name) {
  OptionValue result;
  std::visit(
      [&](const auto &opts) {
        for (const auto &field : fields(&opts))
          if (field.name == name)
            std::visit([&](auto member) { result = opts.*member; }, field.member);
      },
      options);
  return result;
}

} // namespace qgold::recipe
