// Conv2D, DepthwiseConv2D, TransposeConv and FullyConnected.
#include "interp/binders.h"
#include "interp/kernels/conv2d.h"
#include "interp/kernels/depthwise_conv2d.h"
#include "interp/kernels/fully_connected.h"
#include "interp/kernels/transpose_conv.h"

namespace qgold::interp {
namespace {

template <typename Params, typename Options> Params window_params(const Options &opt) {
  return Params{opt.padding,           opt.stride_h,          opt.stride_w,
                opt.dilation_h_factor, opt.dilation_w_factor, opt.activation};
}

} // namespace

BoundKernel bind_Conv2D(const Operands &ops) {
  const auto params = window_params<kernels::Conv2DParams>(ops.options<ir::Conv2DOptions>());
  return [=, in = ops.input_shape(0), ker = ops.input_shape(1), out = ops.output_shape(0),
          input = ops.input<float>(0), filter = ops.input<float>(1),
          bias = ops.optional_input<float>(2), output = ops.output<float>(0)] {
    kernels::conv2d(params, in, input, ker, filter, bias, out, output);
  };
}

BoundKernel bind_DepthwiseConv2D(const Operands &ops) {
  const auto params =
      window_params<kernels::DepthwiseConv2DParams>(ops.options<ir::DepthwiseConv2DOptions>());
  return [=, in = ops.input_shape(0), ker = ops.input_shape(1), out = ops.output_shape(0),
          input = ops.input<float>(0), filter = ops.input<float>(1),
          bias = ops.optional_input<float>(2), output = ops.output<float>(0)] {
    kernels::depthwise_conv2d(params, in, input, ker, filter, bias, out, output);
  };
}

// Inputs: output_shape (int32 constant, read by shape inference), weights, input, bias.
BoundKernel bind_TransposeConv(const Operands &ops) {
  const auto &opt = ops.options<ir::TransposeConvOptions>();
  const kernels::TransposeConvParams params{opt.padding, opt.stride_h, opt.stride_w,
                                            opt.activation};
  return [=, ker = ops.input_shape(1), in = ops.input_shape(2), out = ops.output_shape(0),
          filter = ops.input<float>(1), input = ops.input<float>(2),
          bias = ops.optional_input<float>(3), output = ops.output<float>(0)] {
    kernels::transpose_conv(params, in, input, ker, filter, bias, out, output);
  };
}

BoundKernel bind_FullyConnected(const Operands &ops) {
  const kernels::FullyConnectedParams params{ops.options<ir::FullyConnectedOptions>().activation};
  return [=, in = ops.input_shape(0), weights = ops.input_shape(1), input = ops.input<float>(0),
          filter = ops.input<float>(1), bias = ops.optional_input<float>(2),
          output = ops.output<float>(0)] {
    kernels::fully_connected(params, in, input, weights, filter, bias, output);
  };
}

} // namespace qgold::interp
