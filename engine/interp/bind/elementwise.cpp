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

} // namespace qgold::interp
