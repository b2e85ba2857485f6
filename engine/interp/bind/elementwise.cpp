// Elementwise ops: binary with broadcasting (Add, Sub, Mul, PRelu) and unary.
#include "interp/binders.h"
#include "interp/kernels/add.h"
#include "interp/kernels/logistic.h"
#include "interp/kernels/mul.h"
#include "interp/kernels/prelu.h"
#include "interp/kernels/relu.h"
#include "interp/kernels/relu6.h"
#include "interp/kernels/sub.h"
#include "interp/kernels/tanh.h"

namespace qgold::interp {
namespace {

template <typename Params, auto kernel> BoundKernel bind_binary(const Operands &ops) {
  const Params params{ops.options<ir::ElementwiseOptions>().activation};
  return [=, x = ops.input_shape(0), y = ops.input_shape(1), out = ops.output_shape(0),
          x_data = ops.input<float>(0), y_data = ops.input<float>(1),
          output = ops.output<float>(0)] { kernel(params, x, x_data, y, y_data, out, output); };
}

template <auto kernel> BoundKernel bind_unary(const Operands &ops) {
  return [shape = ops.input_shape(0), input = ops.input<float>(0),
          output = ops.output<float>(0)] { kernel(shape, input, output); };
}

} // namespace

BoundKernel bind_Add(const Operands &ops) { return bind_binary<kernels::AddParams, kernels::add>(ops); }
BoundKernel bind_Sub(const Operands &ops) { return bind_binary<kernels::SubParams, kernels::sub>(ops); }
BoundKernel bind_Mul(const Operands &ops) { return bind_binary<kernels::MulParams, kernels::mul>(ops); }

BoundKernel bind_PRelu(const Operands &ops) {
  return [in = ops.input_shape(0), alpha = ops.input_shape(1), out = ops.output_shape(0),
          input = ops.input<float>(0), alpha_data = ops.input<float>(1),
          output = ops.output<float>(0)] {
    kernels::prelu(in, input, alpha, alpha_data, out, output);
  };
}

BoundKernel bind_Relu(const Operands &ops) { return bind_unary<kernels::relu>(ops); }
BoundKernel bind_Relu6(const Operands &ops) { return bind_unary<kernels::relu6>(ops); }
BoundKernel bind_Logistic(const Operands &ops) { return bind_unary<kernels::logistic>(ops); }
BoundKernel bind_Tanh(const Operands &ops) { return bind_unary<kernels::tanh>(ops); }


BoundKernel bind_Abs(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Cos(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Sin(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Exp(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Log(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Neg(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Sqrt(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Rsqrt(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Square(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Floor(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Elu(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_HardSwish(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Gelu(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_LeakyRelu(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_ReluN1To1(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Div(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_FloorDiv(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Maximum(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Minimum(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Pow(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_SquaredDifference(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Equal(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_NotEqual(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Greater(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_GreaterEqual(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Less(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_LessEqual(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_LogicalAnd(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_LogicalOr(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_LogicalNot(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Select(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_SelectV2(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Cast(const Operands &ops) { no_float_kernel_yet(ops); }

} // namespace qgold::interp
