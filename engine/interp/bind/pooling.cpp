// Window reductions (AveragePool2D, MaxPool2D, L2Pool2D) and axis reductions
// (Mean, Sum, ReduceMax/Min/Prod, ArgMax/Min).
#include "interp/binders.h"
#include "interp/kernels/arg_max.h"
#include "interp/kernels/arg_min.h"
#include "interp/kernels/average_pool2d.h"
#include "interp/kernels/l2_pool2d.h"
#include "interp/kernels/max_pool2d.h"
#include "interp/kernels/mean.h"
#include "interp/kernels/reduce_max.h"
#include "interp/kernels/reduce_min.h"
#include "interp/kernels/reduce_prod.h"
#include "interp/kernels/sum.h"

namespace qgold::interp {
namespace {

template <auto kernel> BoundKernel bind_pool(const Operands &ops) {
  const auto &opt = ops.options<ir::Pool2DOptions>();
  const kernels::Pool2DParams params{opt.padding,       opt.stride_h,     opt.stride_w,
                                     opt.filter_height, opt.filter_width, opt.activation};
  return [=, in = ops.input_shape(0), out = ops.output_shape(0), input = ops.input<float>(0),
          output = ops.output<float>(0)] { kernel(params, in, input, out, output); };
}

// Calls bind(T{}) with T the element type of input 0: int32_t, int64_t, or
// float (any other dtype is refused by name when the float binder asks for it).
template <typename Bind> BoundKernel on_value_dtype(const Operands &ops, Bind bind) {
  switch (ops.input_dtype(0)) {
  case ir::DType::Int32:
    return bind(int32_t{});
  case ir::DType::Int64:
    return bind(int64_t{});
  default:
    return bind(float{});
  }
}

template <typename T>
using ReduceKernel = void (*)(const ir::Shape &, const T *, std::span<const int32_t>, T *);

template <typename T> BoundKernel bind_reduce(const Operands &ops, ReduceKernel<T> kernel) {
  return [=, in = ops.input_shape(0), axes = ops.int32_constant(1), input = ops.input<T>(0),
          output = ops.output<T>(0)] { kernel(in, input, axes, output); };
}

template <typename T, typename Index>
using ArgKernel = void (*)(const ir::Shape &, const T *, int32_t, Index *);

// The axis is an int32 or int64 constant (TFLite takes both); it is read when
// the op runs, from the buffer the interpreter fills.
template <typename T, typename Index>
BoundKernel bind_arg(const Operands &ops, ArgKernel<T, Index> kernel) {
  const ir::Shape in = ops.input_shape(0);
  const auto rank = static_cast<int64_t>(in.size());
  const auto resolve = [rank](int64_t axis) {
    return static_cast<int32_t>(axis < 0 ? axis + rank : axis);
  };
  const T *input = ops.input<T>(0);
  Index *output = ops.output<Index>(0);
  if (ops.input_dtype(1) == ir::DType::Int64)
    return [=, axis = ops.input<int64_t>(1)] { kernel(in, input, resolve(*axis), output); };
  return [=, axis = ops.input<int32_t>(1)] { kernel(in, input, resolve(*axis), output); };
}

// ArgMax and ArgMin on float, int32 or int64 values, to indices of the
// output_type; kernel_for(T{}, Index{}) names the kernel.
template <typename KernelFor> BoundKernel bind_arg_op(const Operands &ops, KernelFor kernel_for) {
  return on_value_dtype(ops, [&](auto value) {
    using T = decltype(value);
    if (ops.output_dtype(0) == ir::DType::Int32)
      return bind_arg<T, int32_t>(ops, kernel_for(value, int32_t{}));
    return bind_arg<T, int64_t>(ops, kernel_for(value, int64_t{}));
  });
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
BoundKernel bind_L2Pool2D(const Operands &ops) { return bind_pool<kernels::l2_pool2d>(ops); }

BoundKernel bind_Sum(const Operands &ops) {
  return on_value_dtype(ops, [&](auto value) {
    using T = decltype(value);
    return bind_reduce<T>(ops, kernels::sum<T>);
  });
}
BoundKernel bind_ReduceMax(const Operands &ops) {
  return on_value_dtype(ops, [&](auto value) {
    using T = decltype(value);
    return bind_reduce<T>(ops, kernels::reduce_max<T>);
  });
}
BoundKernel bind_ReduceMin(const Operands &ops) {
  return on_value_dtype(ops, [&](auto value) {
    using T = decltype(value);
    return bind_reduce<T>(ops, kernels::reduce_min<T>);
  });
}
BoundKernel bind_ReduceProd(const Operands &ops) {
  return on_value_dtype(ops, [&](auto value) {
    using T = decltype(value);
    return bind_reduce<T>(ops, kernels::reduce_prod<T>);
  });
}

BoundKernel bind_ArgMax(const Operands &ops) {
  return bind_arg_op(ops, [](auto value, auto index) {
    return &kernels::arg_max<decltype(value), decltype(index)>;
  });
}
BoundKernel bind_ArgMin(const Operands &ops) {
  return bind_arg_op(ops, [](auto value, auto index) {
    return &kernels::arg_min<decltype(value), decltype(index)>;
  });
}

} // namespace qgold::interp
