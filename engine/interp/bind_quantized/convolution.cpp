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
#include "interp/weighted_sums.h"
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

template <typename T>
std::vector<int64_t> sums_of(const Operands &ops, const q::WeightedQuant &quant) {
  using B = BiasOf<T>;
  switch (ops.op().code) {
  case ir::OpCode::Conv2D:
    return q::conv2d_sums(window_params<kernels::Conv2DParams>(ops.options<ir::Conv2DOptions>()),
                          quant, ops.input_shape(0), ops.input<T>(0), ops.input_shape(1),
                          ops.input<T>(1), ops.optional_input<B>(2), ops.output_shape(0));
  case ir::OpCode::DepthwiseConv2D:
    return q::depthwise_conv2d_sums(
        window_params<kernels::DepthwiseConv2DParams>(ops.options<ir::DepthwiseConv2DOptions>()),
        quant, ops.input_shape(0), ops.input<T>(0), ops.input_shape(1), ops.input<T>(1),
        ops.optional_input<B>(2), ops.output_shape(0));
  case ir::OpCode::TransposeConv: {
    const auto &opt = ops.options<ir::TransposeConvOptions>();
    return q::transpose_conv_sums(
        kernels::TransposeConvParams{opt.padding, opt.stride_h, opt.stride_w, opt.activation},
        quant, ops.input_shape(2), ops.input<T>(2), ops.input_shape(1), ops.input<T>(1),
        ops.optional_input<B>(3), ops.output_shape(0));
  }
  case ir::OpCode::FullyConnected:
    return q::fully_connected_sums(quant, ops.input_shape(0), ops.input<T>(0), ops.input_shape(1),
                                   ops.input<T>(1), ops.optional_input<B>(2));
  default:
    ops.fail("is not a weighted op (Conv2D, DepthwiseConv2D, TransposeConv, FullyConnected)");
  }
}

} // namespace

std::vector<int64_t> weighted_sums(const ir::Model &model, int32_t op_index,
                                   std::span<const uint8_t> input) {
  const ir::Operator &op = model.operators.at(static_cast<size_t>(op_index));
  const auto layout = ir::weighted_op(op.code);
  if (!layout)
    throw InputError(fmt::format("operator #{} ({}) has no weights", op_index, ir::op_name(op.code)));
  // Constants and the given input codes are the op's buffers; its output is never written.
  TensorBuffers buffers;
  buffers.data.assign(model.tensors.size(), nullptr);
  buffers.written.assign(model.tensors.size(), false);
  for (size_t i = 0; i < model.tensors.size(); ++i)
    if (model.tensors[i].is_constant()) {
      buffers.data[i] = const_cast<uint8_t *>(model.tensors[i].data->data());
      buffers.written[i] = true;
    }
  const int32_t activation = op.inputs.at(static_cast<size_t>(layout->activation));
  const ir::Tensor &tensor = model.tensors.at(static_cast<size_t>(activation));
  if (input.size() != static_cast<size_t>(tensor.num_elements()) * ir::dtype_size(tensor.dtype))
    throw InputError(fmt::format("operator #{} ({}): {} bytes of input for {} {}", op_index,
                                 ir::op_name(op.code), input.size(), ir::dtype_name(tensor.dtype),
                                 ir::shape_to_string(tensor.shape)));
  buffers.data[static_cast<size_t>(activation)] = const_cast<uint8_t *>(input.data());
  buffers.written[static_cast<size_t>(activation)] = true;
  const Operands ops(model, op_index, buffers);
  const auto slot = static_cast<size_t>(layout->activation);
  const q::WeightedQuant quant = weighted_quant(ops, slot, static_cast<size_t>(layout->weights),
                                                ir::fused_activation(op.options));
  switch (tensor.dtype) {
  case ir::DType::UInt8:
    return sums_of<uint8_t>(ops, quant);
  case ir::DType::Int8:
    return sums_of<int8_t>(ops, quant);
  case ir::DType::Int16:
    return sums_of<int16_t>(ops, quant);
  default:
    throw UnsupportedError(fmt::format("operator #{} ({}): no integer kernel for {} inputs",
                                       op_index, ir::op_name(op.code), ir::dtype_name(tensor.dtype)));
  }
}

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
