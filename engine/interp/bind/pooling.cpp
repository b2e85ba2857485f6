// Window reductions (AveragePool2D, MaxPool2D) and axis reductions (Mean).
#include "interp/binders.h"
#include "interp/kernels/average_pool2d.h"
#include "interp/kernels/max_pool2d.h"
#include "interp/kernels/mean.h"

namespace qgold::interp {
namespace {

template <auto kernel> BoundKernel bind_pool(const Operands &ops) {
  const auto &opt = ops.options<ir::Pool2DOptions>();
  const kernels::Pool2DParams params{opt.padding,       opt.stride_h,     opt.stride_w,
                                     opt.filter_height, opt.filter_width, opt.activation};
  return [=, in = ops.input_shape(0), out = ops.output_shape(0), input = ops.input<float>(0),
          output = ops.output<float>(0)] { kernel(params, in, input, out, output); };
}

} // namespace

BoundKernel bind_AveragePool2D(const Operands &ops) {
  return bind_pool<kernels::average_pool2d>(ops);
}
BoundKernel bind_MaxPool2D(const Operands &ops) { return bind_pool<kernels::max_pool2d>(ops); }

BoundKernel bind_Mean(const Operands &ops) {
  return [in = ops.input_shape(0), axes = ops.int32_constant(1), input = ops.input<float>(0),
          output = ops.output<float>(0)] { kernels::mean(in, input, axes, output); };
}


BoundKernel bind_ArgMax(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_ArgMin(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Sum(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_ReduceMax(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_ReduceMin(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_ReduceProd(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_L2Pool2D(const Operands &ops) { no_float_kernel_yet(ops); }

} // namespace qgold::interp
