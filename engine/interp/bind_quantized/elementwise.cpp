// Elementwise ops on integers: binary with broadcasting (Add, Sub, Mul,
// PRelu, Maximum, Minimum, the comparisons), Select, unary activations and
// Cast.
#include "interp/bind_quantized/quant_operands.h"
#include "interp/binders.h"
#include "interp/binders_quantized.h"
#include "interp/kernels/cos.h"
#include "interp/kernels/elu.h"
#include "interp/kernels/exp.h"
#include "interp/kernels/floor.h"
#include "interp/kernels/floor_div.h"
#include "interp/kernels/gelu.h"
#include "interp/kernels/hard_swish.h"
#include "interp/kernels/log.h"
#include "interp/kernels/neg.h"
#include "interp/kernels/pow.h"
#include "interp/kernels/rsqrt.h"
#include "interp/kernels/quantized/abs.h"
#include "interp/kernels/quantized/add.h"
#include "interp/kernels/quantized/cast.h"
#include "interp/kernels/quantized/comparison.h"
#include "interp/kernels/quantized/div.h"
#include "interp/kernels/quantized/float_fallback.h"
#include "interp/kernels/quantized/hard_swish.h"
#include "interp/kernels/quantized/leaky_relu.h"
#include "interp/kernels/quantized/logistic.h"
#include "interp/kernels/quantized/maximum.h"
#include "interp/kernels/quantized/minimum.h"
#include "interp/kernels/quantized/mul.h"
#include "interp/kernels/quantized/prelu.h"
#include "interp/kernels/quantized/relu.h"
#include "interp/kernels/quantized/rsqrt.h"
#include "interp/kernels/quantized/select.h"
#include "interp/kernels/quantized/squared_difference.h"
#include "interp/kernels/quantized/sub.h"
#include "interp/kernels/quantized/tanh.h"
#include "interp/kernels/sin.h"
#include "interp/kernels/sqrt.h"
#include "interp/kernels/square.h"
#include "interp/kernels/squared_difference.h"

#include <limits>
#include <type_traits>

namespace qgold::interp {
namespace {

namespace q = kernels::quantized;

q::AddQuant add_params(const Operands &ops) {
  const ir::DType dtype = ops.output_info(0).dtype;
  return q::add_quant(input_quant(ops, 0), input_quant(ops, 1), output_quant(ops, 0),
                      q::add_left_shift(dtype),
                      output_activation_range(ops, ops.options<ir::ElementwiseOptions>().activation));
}

// `kernel` is called as kernel(quant, x shape, x, y shape, y, out shape, out).
template <typename Params, typename Kernel>
BoundKernel bind_binary(const Operands &ops, Params quant, Kernel kernel) {
  return with_code_type(ops, ops.output_info(0).dtype, [&]<typename T>() -> BoundKernel {
    return [=, x = ops.input_shape(0), y = ops.input_shape(1), out = ops.output_shape(0),
            x_data = ops.input<T>(0), y_data = ops.input<T>(1), output = ops.output<T>(0)] {
      kernel(quant, x, x_data, y, y_data, out, output);
    };
  });
}

// Maximum and Minimum: each input requantized to the output's parameters
// (the identity when they agree), then kernel(x_requant, x shape, x,
// y_requant, y shape, y, out shape, out).
template <typename Kernel> BoundKernel bind_requantized_binary(const Operands &ops, Kernel kernel) {
  const IntRange range = q::full_range(ops.output_info(0).dtype);
  const q::Requantization x_requant =
      q::requantization(input_quant(ops, 0), output_quant(ops, 0), range);
  const q::Requantization y_requant =
      q::requantization(input_quant(ops, 1), output_quant(ops, 0), range);
  return with_code_type(ops, ops.output_info(0).dtype, [&]<typename T>() -> BoundKernel {
    return [=, x = ops.input_shape(0), y = ops.input_shape(1), out = ops.output_shape(0),
            x_data = ops.input<T>(0), y_data = ops.input<T>(1), output = ops.output<T>(0)] {
      kernel(x_requant, x, x_data, y_requant, y, y_data, out, output);
    };
  });
}

BoundKernel bind_comparison(const Operands &ops, kernels::Comparison comparison) {
  const q::ComparisonQuant quant = q::comparison_quant(input_quant(ops, 0), input_quant(ops, 1));
  return with_code_type(ops, ops.input_info(0).dtype, [&]<typename T>() -> BoundKernel {
    if (ops.input_info(1).dtype != ops.input_info(0).dtype)
      ops.fail(fmt::format("{} and {} must have one dtype", ops.describe_input(0),
                           ops.describe_input(1)));
    return [=, x = ops.input_shape(0), y = ops.input_shape(1), out = ops.output_shape(0),
            x_data = ops.input<T>(0), y_data = ops.input<T>(1), output = ops.output<bool>(0)] {
      q::compare(comparison, quant, x, x_data, y, y_data, out, output);
    };
  });
}

// Select's branches (inputs 1 and 2) requantized to the output's parameters.
std::pair<q::Requantization, q::Requantization> select_requantizations(const Operands &ops) {
  const IntRange range = q::full_range(ops.output_info(0).dtype);
  return {q::requantization(input_quant(ops, 1), output_quant(ops, 0), range),
          q::requantization(input_quant(ops, 2), output_quant(ops, 0), range)};
}

// The parameters of a Cast side, when it is quantized.
std::optional<QuantInfo> cast_side(const ir::Tensor &tensor,
                                   QuantInfo (*quant)(const Operands &, size_t),
                                   const Operands &ops) {
  const bool codes = tensor.dtype == ir::DType::UInt8 || tensor.dtype == ir::DType::Int8 ||
                     tensor.dtype == ir::DType::Int16;
  if (!codes || !tensor.quant || tensor.quant->scale.empty())
    return std::nullopt;
  return quant(ops, 0);
}

// bind.template operator()<T>() with T the element type Cast reads or writes
// for `dtype` (any other dtype is refused when the float Cast binds).
template <typename Bind> auto by_cast_type(ir::DType dtype, Bind bind) {
  switch (dtype) {
  case ir::DType::Bool:
    return bind.template operator()<bool>();
  case ir::DType::UInt8:
    return bind.template operator()<uint8_t>();
  case ir::DType::Int8:
    return bind.template operator()<int8_t>();
  case ir::DType::Int16:
    return bind.template operator()<int16_t>();
  case ir::DType::Int32:
    return bind.template operator()<int32_t>();
  case ir::DType::Int64:
    return bind.template operator()<int64_t>();
  default:
    return bind.template operator()<float>();
  }
}

// An op without an integer reference: its float kernel between dequantize
// and quantize, as a table over the input's codes.
BoundKernel bind_unary_via_float(const Operands &ops, const q::FloatUnary &kernel) {
  return with_code_type(ops, ops.output_info(0).dtype, [&]<typename T>() -> BoundKernel {
    if (ops.input_info(0).dtype != ops.output_info(0).dtype)
      ops.fail(fmt::format("{} must have the output's dtype", ops.describe_input(0)));
    auto table = q::unary_table<T>(input_quant(ops, 0), output_quant(ops, 0), kernel);
    return [table = std::move(table), count = ir::num_elements(ops.input_shape(0)),
            input = ops.input<T>(0),
            output = ops.output<T>(0)] { q::apply_unary_table(table, count, input, output); };
  });
}

BoundKernel bind_binary_via_float(const Operands &ops, const q::FloatBinary &kernel) {
  const QuantInfo x_quant = input_quant(ops, 0), y_quant = input_quant(ops, 1),
                  out_quant = output_quant(ops, 0);
  return with_code_type(ops, ops.output_info(0).dtype, [&]<typename T>() -> BoundKernel {
    return [=, x = ops.input_shape(0), y = ops.input_shape(1), out = ops.output_shape(0),
            x_data = ops.input<T>(0), y_data = ops.input<T>(1), output = ops.output<T>(0)] {
      q::binary_via_float(x_quant, x, x_data, y_quant, y, y_data, out_quant, out, output, kernel);
    };
  });
}

// ReLU-like ops: the rescale of TFLite's QuantizedReluX, clamped to the
// codes of [low, high] (activation_range of the matching fused activation).
BoundKernel bind_relu(const Operands &ops, ir::Activation bounds) {
  const q::ReluQuant quant = q::relu_quant(input_quant(ops, 0), output_quant(ops, 0),
                                           output_activation_range(ops, bounds));
  return with_code_type(ops, ops.output_info(0).dtype, [&]<typename T>() -> BoundKernel {
    return [=, count = ir::num_elements(ops.input_shape(0)), input = ops.input<T>(0),
            output = ops.output<T>(0)] { q::relu(quant, count, input, output); };
  });
}

// int16 Logistic and Tanh are TFLite's fixed-point kernels: symmetric input,
// output scale 2^-15 with zero point 0.
void check_int16_table_activation(const Operands &ops) {
  if (ops.output_info(0).dtype != ir::DType::Int16)
    return;
  const QuantInfo in = input_quant(ops, 0), out = output_quant(ops, 0);
  if (in.zero_point != 0 || out.zero_point != 0 || out.scale != 1.0f / 32768.0f)
    ops.fail(fmt::format("an int16 {} needs input zero point 0 and output scale 1/32768, zero "
                         "point 0 (TFLite's kernel); got input zero point {}, output {} {}",
                         ir::op_name(ops.op().code), in.zero_point, out.scale, out.zero_point));
}

} // namespace

BoundKernel bind_quantized_Add(const Operands &ops) {
  return bind_binary(ops, add_params(ops), [](const auto &...args) { q::add(args...); });
}

BoundKernel bind_quantized_Sub(const Operands &ops) {
  return bind_binary(ops, add_params(ops), [](const auto &...args) { q::sub(args...); });
}

BoundKernel bind_quantized_Mul(const Operands &ops) {
  const ir::DType dtype = ops.output_info(0).dtype;
  const q::MulQuant quant =
      q::mul_quant(input_quant(ops, 0), input_quant(ops, 1), output_quant(ops, 0), dtype,
                   output_activation_range(ops, ops.options<ir::ElementwiseOptions>().activation));
  return bind_binary(ops, quant, [](const auto &...args) { q::mul(args...); });
}

BoundKernel bind_quantized_PRelu(const Operands &ops) {
  const ir::Shape &alpha_shape = ops.input_shape(1);
  const int32_t last = alpha_shape.empty() ? 0 : static_cast<int32_t>(alpha_shape.size()) - 1;
  const int64_t channels = alpha_shape.empty() ? 1 : alpha_shape.back();
  const std::vector<QuantInfo> alpha = channel_quant(ops, 1, channels, last);
  if (alpha.size() > 1 && ir::num_elements(alpha_shape) != channels)
    ops.fail(fmt::format("{} is quantized per channel; its dimensions before the last must be 1",
                         ops.describe_input(1)));
  const ir::DType dtype = ops.output_info(0).dtype;
  const q::PreluQuant quant = q::prelu_quant(input_quant(ops, 0), alpha, output_quant(ops, 0),
                                             q::full_range(dtype));
  return with_code_type(ops, dtype, [&]<typename T>() -> BoundKernel {
    return [=, in = ops.input_shape(0), alpha_shape = ops.input_shape(1),
            out = ops.output_shape(0), input = ops.input<T>(0), alpha_data = ops.input<T>(1),
            output = ops.output<T>(0)] {
      q::prelu(quant, in, input, alpha_shape, alpha_data, out, output);
    };
  });
}

BoundKernel bind_quantized_Relu(const Operands &ops) { return bind_relu(ops, ir::Activation::Relu); }
BoundKernel bind_quantized_Relu6(const Operands &ops) {
  return bind_relu(ops, ir::Activation::Relu6);
}
BoundKernel bind_quantized_ReluN1To1(const Operands &ops) {
  return bind_relu(ops, ir::Activation::ReluN1To1);
}

BoundKernel bind_quantized_Logistic(const Operands &ops) {
  check_int16_table_activation(ops);
  return with_code_type(ops, ops.output_info(0).dtype, [&]<typename T>() -> BoundKernel {
    const q::LogisticQuant quant = q::logistic_quant<T>(input_quant(ops, 0), output_quant(ops, 0));
    return [=, count = ir::num_elements(ops.input_shape(0)), input = ops.input<T>(0),
            output = ops.output<T>(0)] { q::logistic(quant, count, input, output); };
  });
}

BoundKernel bind_quantized_Tanh(const Operands &ops) {
  check_int16_table_activation(ops);
  return with_code_type(ops, ops.output_info(0).dtype, [&]<typename T>() -> BoundKernel {
    const q::TanhQuant quant = q::tanh_quant<T>(input_quant(ops, 0), output_quant(ops, 0));
    return [=, count = ir::num_elements(ops.input_shape(0)), input = ops.input<T>(0),
            output = ops.output<T>(0)] { q::tanh(quant, count, input, output); };
  });
}

BoundKernel bind_quantized_Abs(const Operands &ops) {
  const ir::DType dtype = ops.output_info(0).dtype;
  const q::AbsQuant quant =
      q::abs_quant(input_quant(ops, 0), output_quant(ops, 0), q::full_range(dtype));
  return with_code_type(ops, dtype, [&]<typename T>() -> BoundKernel {
    return [=, count = ir::num_elements(ops.input_shape(0)), input = ops.input<T>(0),
            output = ops.output<T>(0)] { q::abs(quant, count, input, output); };
  });
}

BoundKernel bind_quantized_Cos(const Operands &ops) {
  return bind_unary_via_float(ops, kernels::cos);
}
BoundKernel bind_quantized_Sin(const Operands &ops) {
  return bind_unary_via_float(ops, kernels::sin);
}
BoundKernel bind_quantized_Exp(const Operands &ops) {
  return bind_unary_via_float(ops, kernels::exp);
}
BoundKernel bind_quantized_Log(const Operands &ops) {
  return bind_unary_via_float(ops, kernels::log);
}
BoundKernel bind_quantized_Neg(const Operands &ops) {
  return bind_unary_via_float(ops, kernels::neg<float>);
}
BoundKernel bind_quantized_Sqrt(const Operands &ops) {
  return bind_unary_via_float(ops, kernels::sqrt);
}
// 8-bit: TFLite's int8 kernel (an input below zero is an error, as TFLite's);
// int16 (no reference): float_fallback.
BoundKernel bind_quantized_Rsqrt(const Operands &ops) {
  const ir::DType dtype = ops.output_info(0).dtype;
  if (dtype == ir::DType::Int16)
    return bind_unary_via_float(ops, kernels::rsqrt);
  const q::RsqrtQuant quant =
      q::rsqrt_quant(input_quant(ops, 0), output_quant(ops, 0), q::full_range(dtype));
  return with_code_type(ops, dtype, [&]<typename T>() -> BoundKernel {
    if constexpr (std::is_same_v<T, int16_t>)
      return {};
    else
      return [=, label = ops.label(), count = ir::num_elements(ops.input_shape(0)),
              input = ops.input<T>(0), output = ops.output<T>(0)] {
        if (!q::rsqrt(quant, count, input, output))
          throw InputError(fmt::format("{}: Rsqrt of a value below zero", label));
      };
  });
}
BoundKernel bind_quantized_Square(const Operands &ops) {
  return bind_unary_via_float(ops, kernels::square);
}
BoundKernel bind_quantized_Floor(const Operands &ops) {
  return bind_unary_via_float(ops, kernels::floor);
}
BoundKernel bind_quantized_Elu(const Operands &ops) {
  return bind_unary_via_float(ops, kernels::elu);
}
// 8-bit: TFLite's fixed-point kernel; int16 (no reference): float_fallback.
BoundKernel bind_quantized_HardSwish(const Operands &ops) {
  if (ops.output_info(0).dtype == ir::DType::Int16)
    return bind_unary_via_float(ops, kernels::hard_swish);
  q::HardSwishQuant quant;
  if (!q::hard_swish_quant(input_quant(ops, 0), output_quant(ops, 0), &quant))
    ops.fail("needs an output scale of at least 1/128 of the input's (TFLite's HardSwish)");
  return with_code_type(ops, ops.output_info(0).dtype, [&]<typename T>() -> BoundKernel {
    if constexpr (std::is_same_v<T, int16_t>)
      return {};
    else
      return [=, count = ir::num_elements(ops.input_shape(0)), input = ops.input<T>(0),
              output = ops.output<T>(0)] { q::hard_swish(quant, count, input, output); };
  });
}
BoundKernel bind_quantized_Gelu(const Operands &ops) {
  const kernels::GeluParams params{ops.options<ir::GeluOptions>().approximate};
  return bind_unary_via_float(ops,
                              [params](const ir::Shape &shape, const float *input, float *output) {
                                kernels::gelu(params, shape, input, output);
                              });
}
BoundKernel bind_quantized_LeakyRelu(const Operands &ops) {
  const ir::DType dtype = ops.output_info(0).dtype;
  const q::LeakyReluQuant quant =
      q::leaky_relu_quant(input_quant(ops, 0), output_quant(ops, 0),
                          ops.options<ir::LeakyReluOptions>().alpha, q::full_range(dtype));
  return with_code_type(ops, dtype, [&]<typename T>() -> BoundKernel {
    return [=, count = ir::num_elements(ops.input_shape(0)), input = ops.input<T>(0),
            output = ops.output<T>(0)] { q::leaky_relu(quant, count, input, output); };
  });
}

BoundKernel bind_quantized_Div(const Operands &ops) {
  const q::DivQuant quant =
      q::div_quant(input_quant(ops, 0), input_quant(ops, 1), output_quant(ops, 0),
                   output_activation_range(ops, ops.options<ir::ElementwiseOptions>().activation));
  return bind_binary(ops, quant, [](const auto &...args) { q::div(args...); });
}
BoundKernel bind_quantized_FloorDiv(const Operands &ops) {
  return bind_binary_via_float(ops, kernels::floor_div<float>);
}
BoundKernel bind_quantized_Maximum(const Operands &ops) {
  return bind_requantized_binary(ops, [](const auto &...args) { q::maximum(args...); });
}
BoundKernel bind_quantized_Minimum(const Operands &ops) {
  return bind_requantized_binary(ops, [](const auto &...args) { q::minimum(args...); });
}
BoundKernel bind_quantized_Pow(const Operands &ops) {
  return bind_binary_via_float(ops, kernels::pow);
}
// 8-bit: TFLite's int8 kernel; int16 (no reference): float_fallback.
BoundKernel bind_quantized_SquaredDifference(const Operands &ops) {
  const ir::DType dtype = ops.output_info(0).dtype;
  if (dtype == ir::DType::Int16)
    return bind_binary_via_float(ops, kernels::squared_difference);
  const q::SquaredDifferenceQuant quant = q::squared_difference_quant(
      input_quant(ops, 0), input_quant(ops, 1), output_quant(ops, 0), q::full_range(dtype));
  return bind_binary(ops, quant, [](const auto &...args) { q::squared_difference(args...); });
}
BoundKernel bind_quantized_Equal(const Operands &ops) {
  return bind_comparison(ops, kernels::Comparison::Equal);
}
BoundKernel bind_quantized_NotEqual(const Operands &ops) {
  return bind_comparison(ops, kernels::Comparison::NotEqual);
}
BoundKernel bind_quantized_Greater(const Operands &ops) {
  return bind_comparison(ops, kernels::Comparison::Greater);
}
BoundKernel bind_quantized_GreaterEqual(const Operands &ops) {
  return bind_comparison(ops, kernels::Comparison::GreaterEqual);
}
BoundKernel bind_quantized_Less(const Operands &ops) {
  return bind_comparison(ops, kernels::Comparison::Less);
}
BoundKernel bind_quantized_LessEqual(const Operands &ops) {
  return bind_comparison(ops, kernels::Comparison::LessEqual);
}

// Logical ops read and write bool, which is never quantized: they run on
// integers only as part of a quantized model, with their float kernels.
BoundKernel bind_quantized_LogicalAnd(const Operands &ops) { return bind_LogicalAnd(ops); }
BoundKernel bind_quantized_LogicalOr(const Operands &ops) { return bind_LogicalOr(ops); }
BoundKernel bind_quantized_LogicalNot(const Operands &ops) { return bind_LogicalNot(ops); }

BoundKernel bind_quantized_Select(const Operands &ops) {
  // Named variables, not a structured binding: clang 14 cannot capture those.
  const auto requantizations = select_requantizations(ops);
  const q::Requantization x_requant = requantizations.first, y_requant = requantizations.second;
  return with_code_type(ops, ops.output_info(0).dtype, [&]<typename T>() -> BoundKernel {
    return [=, condition_shape = ops.input_shape(0), condition = ops.input<bool>(0),
            x = ops.input<T>(1), y = ops.input<T>(2), out = ops.output_shape(0),
            output = ops.output<T>(0)] {
      q::select(condition_shape, condition, x_requant, x, y_requant, y, out, output);
    };
  });
}

BoundKernel bind_quantized_SelectV2(const Operands &ops) {
  // Named variables, not a structured binding: clang 14 cannot capture those.
  const auto requantizations = select_requantizations(ops);
  const q::Requantization x_requant = requantizations.first, y_requant = requantizations.second;
  return with_code_type(ops, ops.output_info(0).dtype, [&]<typename T>() -> BoundKernel {
    return [=, condition_shape = ops.input_shape(0), condition = ops.input<bool>(0),
            x_shape = ops.input_shape(1), x = ops.input<T>(1), y_shape = ops.input_shape(2),
            y = ops.input<T>(2), out = ops.output_shape(0), output = ops.output<T>(0)] {
      q::select_v2(condition_shape, condition, x_requant, x_shape, x, y_requant, y_shape, y, out,
                   output);
    };
  });
}

BoundKernel bind_quantized_Cast(const Operands &ops) {
  const q::CastQuant quant{ops.input_dtype(0), ops.output_dtype(0),
                           cast_side(ops.input_info(0), input_quant, ops),
                           cast_side(ops.output_info(0), output_quant, ops)};
  const void *input =
      by_cast_type(quant.from, [&]<typename T>() -> const void * { return ops.input<T>(0); });
  void *output = by_cast_type(quant.to, [&]<typename T>() -> void * { return ops.output<T>(0); });
  return
      [=, count = ir::num_elements(ops.input_shape(0))] { q::cast(quant, count, input, output); };
}

} // namespace qgold::interp
