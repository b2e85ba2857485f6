// Conv2D, DepthwiseConv2D, TransposeConv and FullyConnected on integers.
// Which reference fixes the multipliers depends on the scheme: TFLite for
// uint8 with per-layer weights and for int8, luci-interpreter for ONE's
// per-channel uint8 and int16 weights (kernels/quantized/weighted.h).
#include "interp/bind_quantized/quant_operands.h"
#include "interp/binders_quantized.h"
#include "interp/kernels/quantized/conv2d.h"
#include "interp/kernels/quantized/depthwise_conv2d.h"
#include "interp/kernels/quantized/fully_connected.h"
#include "interp/kernels/quantized/transpose_conv.h"
#include "ir/op_registry.h"

namespace qgold::interp {
namespace {

namespace q = kernels::quantized;

// The bias dtype of a kernel on T codes: int32, or int64 for int16.
template <typename T> using BiasOf = std::conditional_t<sizeof(T) == 2, int64_t, int32_t>;

// The integer parameters of a weighted op with input `input`, weights in
// `weights` (channels on the registry's axis) and output 0.
q::WeightedQuant weighted_quant(const Operands &ops, size_t input, size_t weights,
                                ir::Activation activation) {
  const ir::WeightedOp layout = *ir::weighted_op(ops.op().code);
  const int64_t channels = ops.input_shape(weights)[static_cast<size_t>(layout.channel_axis)];
  const QuantInfo in = input_quant(ops, input);
  const QuantInfo out = output_quant(ops, 0);
  const std::vector<QuantInfo> filter = channel_quant(ops, weights, channels, layout.channel_axis);
  const ir::DType dtype = ops.input_info(input).dtype;
  const bool one_scheme =
      dtype == ir::DType::Int16 || (dtype == ir::DType::UInt8 && filter.size() > 1);
  const auto product = one_scheme ? q::ScaleProduct::Float : q::ScaleProduct::Double;
  q::WeightedQuant quant;
  quant.input_zero_point = in.zero_point;
  for (const QuantInfo &f : filter) {
    quant.filter_zero_points.push_back(f.zero_point);
    quant.multipliers.push_back(
        q::quantize_multiplier(q::weighted_real_multiplier(in.scale, f.scale, out.scale, product)));
  }
  quant.output_zero_point = out.zero_point;
  quant.output_range = output_activation_range(ops, activation);
  return quant;
}

template <typename Params, typename Options> Params window_params(const Options &opt) {
  return Params{opt.padding,           opt.stride_h,          opt.stride_w,
                opt.dilation_h_factor, opt.dilation_w_factor, opt.activation};
}

} // namespace

BoundKernel bind_quantized_Conv2D(const Operands &ops) {
  const auto &opt = ops.options<ir::Conv2DOptions>();
  const auto params = window_params<kernels::Conv2DParams>(opt);
  const q::WeightedQuant quant = weighted_quant(ops, 0, 1, opt.activation);
  return with_code_type(ops, ops.input_info(0).dtype, [&]<typename T>() -> BoundKernel {
    return [=, in = ops.input_shape(0), ker = ops.input_shape(1), out = ops.output_shape(0),
            input = ops.input<T>(0), filter = ops.input<T>(1),
            bias = ops.optional_input<BiasOf<T>>(2), output = ops.output<T>(0)] {
      q::conv2d(params, quant, in, input, ker, filter, bias, out, output);
    };
  });
}

BoundKernel bind_quantized_DepthwiseConv2D(const Operands &ops) {
  const auto &opt = ops.options<ir::DepthwiseConv2DOptions>();
  const auto params = window_params<kernels::DepthwiseConv2DParams>(opt);
  const q::WeightedQuant quant = weighted_quant(ops, 0, 1, opt.activation);
  return with_code_type(ops, ops.input_info(0).dtype, [&]<typename T>() -> BoundKernel {
    return [=, in = ops.input_shape(0), ker = ops.input_shape(1), out = ops.output_shape(0),
            input = ops.input<T>(0), filter = ops.input<T>(1),
            bias = ops.optional_input<BiasOf<T>>(2), output = ops.output<T>(0)] {
      q::depthwise_conv2d(params, quant, in, input, ker, filter, bias, out, output);
    };
  });
}

// Inputs: output_shape (int32 constant, read by shape inference), weights, input, bias.
BoundKernel bind_quantized_TransposeConv(const Operands &ops) {
  const auto &opt = ops.options<ir::TransposeConvOptions>();
  const kernels::TransposeConvParams params{opt.padding, opt.stride_h, opt.stride_w,
                                            opt.activation};
  const q::WeightedQuant quant = weighted_quant(ops, 2, 1, opt.activation);
  return with_code_type(ops, ops.input_info(2).dtype, [&]<typename T>() -> BoundKernel {
    return [=, ker = ops.input_shape(1), in = ops.input_shape(2), out = ops.output_shape(0),
            filter = ops.input<T>(1), input = ops.input<T>(2),
            bias = ops.optional_input<BiasOf<T>>(3), output = ops.output<T>(0)] {
      q::transpose_conv(params, quant, in, input, ker, filter, bias, out, output);
    };
  });
}

BoundKernel bind_quantized_FullyConnected(const Operands &ops) {
  const q::WeightedQuant quant =
      weighted_quant(ops, 0, 1, ops.options<ir::FullyConnectedOptions>().activation);
  return with_code_type(ops, ops.input_info(0).dtype, [&]<typename T>() -> BoundKernel {
    return [=, in = ops.input_shape(0), weights = ops.input_shape(1), input = ops.input<T>(0),
            filter = ops.input<T>(1), bias = ops.optional_input<BiasOf<T>>(2),
            output = ops.output<T>(0)] {
      q::fully_connected(quant, in, input, weights, filter, bias, output);
    };
  });
}

} // namespace qgold::interp
