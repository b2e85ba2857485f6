// Elementwise ops on integers: binary with broadcasting (Add, Sub, Mul,
// PRelu) and unary activations.
#include "interp/bind_quantized/quant_operands.h"
#include "interp/binders_quantized.h"
#include "interp/kernels/quantized/add.h"
#include "interp/kernels/quantized/logistic.h"
#include "interp/kernels/quantized/mul.h"
#include "interp/kernels/quantized/prelu.h"
#include "interp/kernels/quantized/relu.h"
#include "interp/kernels/quantized/sub.h"
#include "interp/kernels/quantized/tanh.h"

#include <limits>

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

BoundKernel bind_quantized_Abs(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Cos(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Sin(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Exp(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Log(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Neg(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Sqrt(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Rsqrt(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Square(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Floor(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Elu(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_HardSwish(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Gelu(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_LeakyRelu(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Div(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_FloorDiv(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Maximum(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Minimum(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Pow(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_SquaredDifference(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Equal(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_NotEqual(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Greater(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_GreaterEqual(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Less(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_LessEqual(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_LogicalAnd(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_LogicalOr(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_LogicalNot(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Select(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_SelectV2(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_Cast(const Operands &ops) { no_integer_kernel_yet(ops); }

} // namespace qgold::interp
