// Reductions, resizes and the other computing ops of the second integer wave.
// Sum and ReduceProd rescale (kernels/quantized/sum.h, reduce_prod.h);
// L2Pool2D, LocalResponseNormalization, LogSoftmax and L2Normalize run their
// float kernel between Dequantize and Quantize (kernels/quantized/through_float.h).
// ArgMax/ArgMin, ReduceMax/ReduceMin and ResizeNearestNeighbor compare or copy
// codes with the dtype-generic kernels of kernels/ (instantiated for
// uint8/int8/int16 codes), as TFLite's quantized kernels do: the order of the
// codes is the order of the values (scale > 0). TFLite assumes (ReduceMax/Min:
// requires) the output's parameters are the input's; where ONE gave the output
// its own range, the codes are requantized to it (docs/integer-inference.md).
#include "interp/bind_quantized/quant_operands.h"
#include "interp/binders_quantized.h"
#include "interp/kernels/arg_max.h"
#include "interp/kernels/arg_min.h"
#include "interp/kernels/l2_normalize.h"
#include "interp/kernels/l2_pool2d.h"
#include "interp/kernels/local_response_normalization.h"
#include "interp/kernels/log_softmax.h"
#include "interp/kernels/quantized/quantize.h"
#include "interp/kernels/quantized/reduce_prod.h"
#include "interp/kernels/quantized/sum.h"
#include "interp/kernels/quantized/through_float.h"
#include "interp/kernels/reduce_max.h"
#include "interp/kernels/reduce_min.h"
#include "interp/kernels/resize_nearest_neighbor.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

namespace qgold::interp {
namespace {

namespace q = kernels::quantized;

// The requantization of input 0's codes to output 0's parameters; the two
// must be of one dtype.
q::Requantization requantization_to_output(const Operands &ops) {
  const ir::DType dtype = ops.input_info(0).dtype;
  if (ops.output_info(0).dtype != dtype)
    ops.fail(fmt::format("the output is {}, its input {}", ir::dtype_name(ops.output_info(0).dtype),
                         ir::dtype_name(dtype)));
  return q::requantization(input_quant(ops, 0), output_quant(ops, 0), q::full_range(dtype));
}

// Binds `compute(input values, output values)` between input 0 dequantized
// and output 0 quantized.
BoundKernel bind_through_float(const Operands &ops,
                               std::function<void(const float *, float *)> compute) {
  const ir::DType dtype = ops.input_info(0).dtype;
  requantization_to_output(ops); // checks the dtypes
  const q::ThroughFloat params{input_quant(ops, 0), output_quant(ops, 0), q::full_range(dtype),
                               ir::num_elements(ops.input_shape(0)),
                               ir::num_elements(ops.output_shape(0))};
  return with_code_type(ops, dtype, [&]<typename T>() -> BoundKernel {
    return [=, input = ops.input<T>(0), output = ops.output<T>(0)] {
      q::through_float<T>(params, input, compute, output);
    };
  });
}

template <typename T>
using ReduceKernel = void (*)(const ir::Shape &, const T *, std::span<const int32_t>, T *);

// ReduceMax, ReduceMin: the extreme code, then requantized.
template <template <typename> typename Kernel> BoundKernel bind_extreme(const Operands &ops) {
  const q::Requantization requant = requantization_to_output(ops);
  return with_code_type(ops, ops.input_info(0).dtype, [&]<typename T>() -> BoundKernel {
    return [=, kernel = Kernel<T>::value, in = ops.input_shape(0), axes = ops.int32_constant(1),
            count = ir::num_elements(ops.output_shape(0)), input = ops.input<T>(0),
            output = ops.output<T>(0)] {
      kernel(in, input, axes, output);
      if (!requant.identity)
        q::requantize(requant, count, output, output);
    };
  });
}

template <typename T> struct MaxKernel {
  static constexpr ReduceKernel<T> value = &kernels::reduce_max<T>;
};
template <typename T> struct MinKernel {
  static constexpr ReduceKernel<T> value = &kernels::reduce_min<T>;
};

// ArgMax, ArgMin: indices of the output_type (int32 or int64), exact; the
// axis (int32 or int64) is read when the op runs. kernel_for(T{}, Index{})
// names the kernel.
template <typename KernelFor> BoundKernel bind_arg(const Operands &ops, KernelFor kernel_for) {
  const ir::Shape in = ops.input_shape(0);
  const auto rank = static_cast<int64_t>(in.size());
  const bool wide_axis = ops.input_dtype(1) == ir::DType::Int64;
  const bool wide_index = ops.output_dtype(0) == ir::DType::Int64;
  return with_code_type(ops, ops.input_info(0).dtype, [&]<typename T>() -> BoundKernel {
    auto with_index = [&]<typename Index>() -> BoundKernel {
      const auto kernel = kernel_for(T{}, Index{});
      const T *input = ops.input<T>(0);
      Index *output = ops.output<Index>(0);
      const auto resolve = [rank](int64_t axis) {
        return static_cast<int32_t>(axis < 0 ? axis + rank : axis);
      };
      if (wide_axis)
        return [=, axis = ops.input<int64_t>(1)] { kernel(in, input, resolve(*axis), output); };
      return [=, axis = ops.input<int32_t>(1)] { kernel(in, input, resolve(*axis), output); };
    };
    return wide_index ? with_index.template operator()<int64_t>()
                      : with_index.template operator()<int32_t>();
  });
}

} // namespace

BoundKernel bind_quantized_ArgMax(const Operands &ops) {
  return bind_arg(ops, [](auto value, auto index) {
    return &kernels::arg_max<decltype(value), decltype(index)>;
  });
}
BoundKernel bind_quantized_ArgMin(const Operands &ops) {
  return bind_arg(ops, [](auto value, auto index) {
    return &kernels::arg_min<decltype(value), decltype(index)>;
  });
}

BoundKernel bind_quantized_ReduceProd(const Operands &ops) {
  requantization_to_output(ops); // checks the dtypes
  const ir::Shape &shape = ops.input_shape(0);
  const int64_t outputs = std::max<int64_t>(ir::num_elements(ops.output_shape(0)), 1);
  const QuantInfo in = input_quant(ops, 0), out = output_quant(ops, 0);
  const q::ReduceProdParams params{
      in.zero_point, out.zero_point,
      q::reduce_prod_multiplier(in.scale, out.scale,
                                std::max<int64_t>(ir::num_elements(shape) / outputs, 1)),
      q::full_range(ops.output_info(0).dtype)};
  return with_code_type(ops, ops.input_info(0).dtype, [&]<typename T>() -> BoundKernel {
    return [=, axes = ops.int32_constant(1), input = ops.input<T>(0), output = ops.output<T>(0)] {
      q::reduce_prod<T>(params, shape, input, axes, output);
    };
  });
}

// Clamped to the dtype's codes (int16: ONE's symmetric range), as Mean.
BoundKernel bind_quantized_Sum(const Operands &ops) {
  requantization_to_output(ops); // checks the dtypes
  const ir::DType dtype = ops.output_info(0).dtype;
  const q::SumQuant quant{input_quant(ops, 0), output_quant(ops, 0),
                          dtype == ir::DType::Int16 ? q::storage_range(dtype)
                                                    : q::full_range(dtype)};
  return with_code_type(ops, dtype, [&]<typename T>() -> BoundKernel {
    return [=, in = ops.input_shape(0), axes = ops.int32_constant(1), input = ops.input<T>(0),
            output = ops.output<T>(0)] { q::sum<T>(quant, in, input, axes, output); };
  });
}

BoundKernel bind_quantized_ReduceMax(const Operands &ops) { return bind_extreme<MaxKernel>(ops); }
BoundKernel bind_quantized_ReduceMin(const Operands &ops) { return bind_extreme<MinKernel>(ops); }

// The size input only shapes the output. TFLite copies codes (uint8, int8,
// int16) without checking the output's parameters.
BoundKernel bind_quantized_ResizeNearestNeighbor(const Operands &ops) {
  const auto &opt = ops.options<ir::ResizeNearestNeighborOptions>();
  const kernels::ResizeNearestNeighborParams params{opt.align_corners, opt.half_pixel_centers};
  const q::Requantization requant = requantization_to_output(ops);
  return with_code_type(ops, ops.input_info(0).dtype, [&]<typename T>() -> BoundKernel {
    return [=, in = ops.input_shape(0), out = ops.output_shape(0), input = ops.input<T>(0),
            output = ops.output<T>(0)] {
      kernels::resize_nearest_neighbor<T>(params, in, input, out, output);
      if (!requant.identity)
        q::requantize(requant, ir::num_elements(out), output, output);
    };
  });
}

BoundKernel bind_quantized_L2Pool2D(const Operands &ops) {
  const auto &opt = ops.options<ir::Pool2DOptions>();
  const kernels::Pool2DParams params{opt.padding,       opt.stride_h,     opt.stride_w,
                                     opt.filter_height, opt.filter_width, opt.activation};
  return bind_through_float(ops, [=, in = ops.input_shape(0), out = ops.output_shape(0)](
                                     const float *x, float *y) {
    kernels::l2_pool2d(params, in, x, out, y);
  });
}

BoundKernel bind_quantized_LocalResponseNormalization(const Operands &ops) {
  const auto &opt = ops.options<ir::LocalResponseNormalizationOptions>();
  const kernels::LocalResponseNormalizationParams params{opt.radius, opt.bias, opt.alpha,
                                                         opt.beta};
  return bind_through_float(ops, [=, shape = ops.input_shape(0)](const float *x, float *y) {
    kernels::local_response_normalization(params, shape, x, y);
  });
}

BoundKernel bind_quantized_LogSoftmax(const Operands &ops) {
  return bind_through_float(ops, [shape = ops.input_shape(0)](const float *x, float *y) {
    kernels::log_softmax(shape, x, y);
  });
}

BoundKernel bind_quantized_L2Normalize(const Operands &ops) {
  return bind_through_float(ops, [shape = ops.input_shape(0)](const float *x, float *y) {
    kernels::l2_normalize(shape, x, y);
  });
}

} // namespace qgold::interp
