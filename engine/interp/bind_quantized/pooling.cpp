// Window reductions (AveragePool2D, MaxPool2D) and axis reductions (Mean) on integers.
#include "interp/bind_quantized/quant_operands.h"
#include "interp/binders_quantized.h"
#include "interp/kernels/quantized/average_pool2d.h"
#include "interp/kernels/quantized/max_pool2d.h"
#include "interp/kernels/quantized/mean.h"

namespace qgold::interp {
namespace {

namespace q = kernels::quantized;

// `kernel` is called as kernel(params, requant, range, in shape, in, out shape, out).
template <typename Kernel> BoundKernel bind_pool(const Operands &ops, Kernel kernel) {
  const auto &opt = ops.options<ir::Pool2DOptions>();
  const kernels::Pool2DParams params{opt.padding,       opt.stride_h,     opt.stride_w,
                                     opt.filter_height, opt.filter_width, opt.activation};
  const ir::DType dtype = ops.output_info(0).dtype;
  const q::Requantization requant =
      q::requantization(input_quant(ops, 0), output_quant(ops, 0), q::full_range(dtype));
  const IntRange range = output_activation_range(ops, opt.activation);
  return with_code_type(ops, dtype, [&]<typename T>() -> BoundKernel {
    return [=, in = ops.input_shape(0), out = ops.output_shape(0), input = ops.input<T>(0),
            output = ops.output<T>(0)] { kernel(params, requant, range, in, input, out, output); };
  });
}

} // namespace

BoundKernel bind_quantized_AveragePool2D(const Operands &ops) {
  return bind_pool(ops, [](const auto &...args) { q::average_pool2d(args...); });
}

BoundKernel bind_quantized_MaxPool2D(const Operands &ops) {
  return bind_pool(ops, [](const auto &...args) { q::max_pool2d(args...); });
}

BoundKernel bind_quantized_Mean(const Operands &ops) {
  const ir::DType dtype = ops.output_info(0).dtype;
  const q::MeanQuant quant{input_quant(ops, 0), output_quant(ops, 0),
                           dtype == ir::DType::Int16 ? q::storage_range(dtype)
                                                     : q::full_range(dtype)};
  const bool keep_dims = ops.options<ir::ReducerOptions>().keep_dims;
  return with_code_type(ops, dtype, [&]<typename T>() -> BoundKernel {
    return [=, in = ops.input_shape(0), axes = ops.int32_constant(1), input = ops.input<T>(0),
            output = ops.output<T>(0)] { q::mean(quant, in, input, axes, keep_dims, output); };
  });
}

} // namespace qgold::interp
