#include "interp/dispatch.h"

#include "interp/kernels/add.h"
#include "interp/kernels/average_pool2d.h"
#include "interp/kernels/broadcast.h"
#include "interp/kernels/concatenation.h"
#include "interp/kernels/conv2d.h"
#include "interp/kernels/depthwise_conv2d.h"
#include "interp/kernels/fully_connected.h"
#include "interp/kernels/instance_norm.h"
#include "interp/kernels/logistic.h"
#include "interp/kernels/max_pool2d.h"
#include "interp/kernels/mean.h"
#include "interp/kernels/mul.h"
#include "interp/kernels/pad.h"
#include "interp/kernels/padding.h"
#include "interp/kernels/prelu.h"
#include "interp/kernels/relu.h"
#include "interp/kernels/relu6.h"
#include "interp/kernels/reshape.h"
#include "interp/kernels/softmax.h"
#include "interp/kernels/split.h"
#include "interp/kernels/sub.h"
#include "interp/kernels/tanh.h"
#include "interp/kernels/transpose_conv.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <cstdint>

namespace qgold::interp {
namespace {

using ir::OpCode;
using ir::Shape;

void expect_rank(const Operands &ops, const Shape &shape, size_t rank, std::string_view role) {
  if (shape.size() != rank)
    ops.fail(
        fmt::format("{} must have rank {}, got shape {}", role, rank, ir::shape_to_string(shape)));
}

void expect_shape(const Operands &ops, const Shape &actual, const Shape &expected,
                  std::string_view role) {
  if (actual != expected)
    ops.fail(fmt::format("{} has shape {}, expected {}", role, ir::shape_to_string(actual),
                         ir::shape_to_string(expected)));
}

void expect_count(const Operands &ops, int64_t actual, int64_t expected, std::string_view role) {
  if (actual != expected)
    ops.fail(fmt::format("{} has {} elements, expected {}", role, actual, expected));
}

void expect_positive(const Operands &ops, int32_t value, std::string_view name) {
  if (value < 1)
    ops.fail(fmt::format("option {} must be >= 1, got {}", name, value));
}

template <typename Options> void expect_strides(const Operands &ops, const Options &opt) {
  expect_positive(ops, opt.stride_h, "stride_h");
  expect_positive(ops, opt.stride_w, "stride_w");
}

void expect_output_shape(const Operands &ops, const Shape &expected) {
  expect_shape(ops, ops.output_shape(0), expected, ops.describe_output(0));
}

// Only the element count of output 0 is fixed: Reshape's, or where an option
// (keep_dims, keep_num_dims) changes the declared shape only.
void expect_output_count(const Operands &ops, int64_t expected) {
  expect_count(ops, ir::num_elements(ops.output_shape(0)), expected, ops.describe_output(0));
}

// An optional bias holds one value per output channel.
void expect_bias(const Operands &ops, size_t slot, int64_t channels) {
  if (ops.has_input(slot))
    expect_count(ops, ir::num_elements(ops.input_shape(slot)), channels, ops.describe_input(slot));
}

// Output [N, OH, OW, C] of a sliding-window op over input [N, H, W, *].
Shape window_output_shape(const Shape &input, int32_t channels, ir::Padding padding,
                          int32_t filter_h, int32_t filter_w, int32_t stride_h, int32_t stride_w,
                          int32_t dilation_h, int32_t dilation_w) {
  return {input[0], kernels::conv_output_size(padding, input[1], filter_h, stride_h, dilation_h),
          kernels::conv_output_size(padding, input[2], filter_w, stride_w, dilation_w), channels};
}

// An axis in [-rank, rank) mapped to [0, rank).
int32_t resolve_axis(const Operands &ops, int32_t axis, size_t rank) {
  const auto r = static_cast<int32_t>(rank);
  if (axis < -r || axis >= r)
    ops.fail(fmt::format("axis {} is out of range for rank {}", axis, rank));
  return axis < 0 ? axis + r : axis;
}

// Conv2D's filter is [O,KH,KW,C]: O output channels.
int32_t conv2d_channels(const Operands &ops, const Shape &in, const Shape &ker) {
  if (ker[3] != in[3])
    ops.fail(fmt::format("filter {} has {} input channels, the input has {}",
                         ir::shape_to_string(ker), ker[3], in[3]));
  return ker[0];
}

// DepthwiseConv2D's filter is [1,KH,KW,C*M]: C*M output channels.
int32_t depthwise_channels(const Operands &ops, const Shape &in, const Shape &ker) {
  if (ker[0] != 1 || in[3] < 1 || ker[3] % in[3] != 0)
    ops.fail(fmt::format("filter {} must be [1,H,W,C*M] with C = {} (input channels)",
                         ir::shape_to_string(ker), in[3]));
  return ker[3];
}

// Conv2D and DepthwiseConv2D: input [N,H,W,C], a rank-4 filter that `channels`
// checks against the input, an optional bias per output channel.
template <typename Options, typename Params, auto kernel, auto channels>
BoundKernel bind_convolution(const Operands &ops) {
  ops.expect_counts(2, 3, 1);
  const auto &opt = ops.options<Options>();
  expect_strides(ops, opt);
  expect_positive(ops, opt.dilation_h_factor, "dilation_h_factor");
  expect_positive(ops, opt.dilation_w_factor, "dilation_w_factor");
  const Shape in = ops.input_shape(0), ker = ops.input_shape(1), out = ops.output_shape(0);
  expect_rank(ops, in, 4, ops.describe_input(0));
  expect_rank(ops, ker, 4, ops.describe_input(1));
  const int32_t out_channels = channels(ops, in, ker);
  expect_output_shape(ops, window_output_shape(in, out_channels, opt.padding, ker[1], ker[2],
                                               opt.stride_h, opt.stride_w, opt.dilation_h_factor,
                                               opt.dilation_w_factor));
  expect_bias(ops, 2, out_channels);
  const Params params{opt.padding,           opt.stride_h,          opt.stride_w,
                      opt.dilation_h_factor, opt.dilation_w_factor, opt.activation};
  return [=, input = ops.float_input(0), filter = ops.float_input(1),
          bias = ops.optional_float_input(2), output = ops.float_output(0)] {
    kernel(params, in, input, ker, filter, bias, out, output);
  };
}

BoundKernel bind_transpose_conv(const Operands &ops) {
  ops.expect_counts(3, 4, 1);
  const auto &opt = ops.options<ir::TransposeConvOptions>();
  expect_strides(ops, opt);
  const std::vector<int32_t> out_shape_values = ops.int32_constant(0);
  const Shape ker = ops.input_shape(1), in = ops.input_shape(2), out = ops.output_shape(0);
  expect_shape(ops, out, Shape(out_shape_values.begin(), out_shape_values.end()),
               ops.describe_output(0) + " (from output_shape input 0)");
  expect_rank(ops, ker, 4, ops.describe_input(1));
  expect_rank(ops, in, 4, ops.describe_input(2));
  expect_rank(ops, out, 4, ops.describe_output(0));
  if (ker[3] != in[3] || ker[0] != out[3] || in[0] != out[0])
    ops.fail(fmt::format("weights {} must be [O,H,W,I] with I = {} (input channels) and O = {} "
                         "(output channels), batches {} vs {}",
                         ir::shape_to_string(ker), in[3], out[3], in[0], out[0]));
  expect_bias(ops, 3, ker[0]);
  const kernels::TransposeConvParams params{opt.padding, opt.stride_h, opt.stride_w,
                                            opt.activation};
  return [=, filter = ops.float_input(1), input = ops.float_input(2),
          bias = ops.optional_float_input(3), output = ops.float_output(0)] {
    kernels::transpose_conv(params, in, input, ker, filter, bias, out, output);
  };
}

BoundKernel bind_fully_connected(const Operands &ops) {
  ops.expect_counts(2, 3, 1);
  const auto &opt = ops.options<ir::FullyConnectedOptions>();
  const Shape in = ops.input_shape(0), weights = ops.input_shape(1);
  expect_rank(ops, weights, 2, ops.describe_input(1));
  const int64_t depth = weights[1];
  const int64_t in_count = ir::num_elements(in);
  if (depth < 1 || in_count % depth != 0)
    ops.fail(fmt::format("{} has {} elements, not a multiple of the weights' depth {}",
                         ops.describe_input(0), in_count, depth));
  expect_output_count(ops, in_count / depth * weights[0]);
  expect_bias(ops, 2, weights[0]);
  const kernels::FullyConnectedParams params{opt.activation};
  return [=, input = ops.float_input(0), filter = ops.float_input(1),
          bias = ops.optional_float_input(2), output = ops.float_output(0)] {
    kernels::fully_connected(params, in, input, weights, filter, bias, output);
  };
}

// Add, Sub, Mul: the output shape must be the broadcast of the operands.
template <typename Params, auto kernel> BoundKernel bind_binary(const Operands &ops) {
  ops.expect_counts(2, 2, 1);
  const auto &opt = ops.options<ir::ElementwiseOptions>();
  const Shape x = ops.input_shape(0), y = ops.input_shape(1), out = ops.output_shape(0);
  const std::optional<Shape> broadcast = kernels::broadcast_shape(x, y);
  if (!broadcast)
    ops.fail(fmt::format("operand shapes {} and {} do not broadcast", ir::shape_to_string(x),
                         ir::shape_to_string(y)));
  expect_output_shape(ops, *broadcast);
  const Params params{opt.activation};
  return [=, x_data = ops.float_input(0), y_data = ops.float_input(1),
          output = ops.float_output(0)] { kernel(params, x, x_data, y, y_data, out, output); };
}

BoundKernel bind_prelu(const Operands &ops) {
  ops.expect_counts(2, 2, 1);
  const Shape in = ops.input_shape(0), alpha = ops.input_shape(1), out = ops.output_shape(0);
  const std::optional<Shape> broadcast = kernels::broadcast_shape(in, alpha);
  if (!broadcast)
    ops.fail(fmt::format("alpha {} does not broadcast to the input {}", ir::shape_to_string(alpha),
                         ir::shape_to_string(in)));
  expect_output_shape(ops, *broadcast);
  return
      [=, input = ops.float_input(0), alpha_data = ops.float_input(1),
       output = ops.float_output(0)] { kernels::prelu(in, input, alpha, alpha_data, out, output); };
}

template <auto kernel> BoundKernel bind_pool(const Operands &ops) {
  ops.expect_counts(1, 1, 1);
  const auto &opt = ops.options<ir::Pool2DOptions>();
  expect_strides(ops, opt);
  expect_positive(ops, opt.filter_height, "filter_height");
  expect_positive(ops, opt.filter_width, "filter_width");
  const Shape in = ops.input_shape(0), out = ops.output_shape(0);
  expect_rank(ops, in, 4, ops.describe_input(0));
  expect_output_shape(ops, window_output_shape(in, in[3], opt.padding, opt.filter_height,
                                               opt.filter_width, opt.stride_h, opt.stride_w, 1, 1));
  const kernels::Pool2DParams params{opt.padding,       opt.stride_h,     opt.stride_w,
                                     opt.filter_height, opt.filter_width, opt.activation};
  return [=, input = ops.float_input(0), output = ops.float_output(0)] {
    kernel(params, in, input, out, output);
  };
}

BoundKernel bind_mean(const Operands &ops) {
  ops.expect_counts(2, 2, 1);
  const Shape in = ops.input_shape(0);
  const std::vector<int32_t> axes = ops.int32_constant(1);
  std::vector<bool> reduced(in.size(), false);
  for (int32_t axis : axes)
    reduced[resolve_axis(ops, axis, in.size())] = true;
  int64_t kept = 1;
  for (size_t d = 0; d < in.size(); ++d)
    if (!reduced[d])
      kept *= in[d];
  expect_output_count(ops, kept);
  return [=, input = ops.float_input(0), output = ops.float_output(0)] {
    kernels::mean(in, input, axes, output);
  };
}

BoundKernel bind_concatenation(const Operands &ops) {
  ops.expect_counts(1, SIZE_MAX, 1);
  const auto &opt = ops.options<ir::ConcatenationOptions>();
  const Shape out = ops.output_shape(0);
  const int32_t axis = resolve_axis(ops, opt.axis, out.size());
  std::vector<Shape> shapes;
  std::vector<const float *> inputs;
  int64_t axis_total = 0;
  for (size_t i = 0; i < ops.op().inputs.size(); ++i) {
    const Shape &shape = ops.input_shape(i);
    expect_rank(ops, shape, out.size(), ops.describe_input(i));
    Shape expected = out;
    expected[axis] = shape[axis];
    expect_shape(ops, shape, expected, ops.describe_input(i));
    axis_total += shape[axis];
    shapes.push_back(shape);
    inputs.push_back(ops.float_input(i));
  }
  if (axis_total != out[axis])
    ops.fail(fmt::format("inputs sum to {} along axis {}, the output has {}", axis_total, axis,
                         out[axis]));
  const kernels::ConcatenationParams params{axis, opt.activation};
  return [=, output = ops.float_output(0)] {
    kernels::concatenation(params, shapes, inputs, out, output);
  };
}

BoundKernel bind_split(const Operands &ops) {
  ops.expect_counts(2, 2, 0);
  const std::vector<int32_t> axis_values = ops.int32_constant(0);
  if (axis_values.size() != 1)
    ops.fail(fmt::format("{} must hold one axis, got {} values", ops.describe_input(0),
                         axis_values.size()));
  const Shape in = ops.input_shape(1);
  const int32_t axis = resolve_axis(ops, axis_values[0], in.size());
  const auto parts = static_cast<int32_t>(ops.op().outputs.size());
  if (const auto *opt = std::get_if<ir::SplitOptions>(&ops.op().options);
      opt && opt->num_splits > 0 && opt->num_splits != parts)
    ops.fail(fmt::format("num_splits is {} but the op has {} outputs", opt->num_splits, parts));
  if (in[axis] % parts != 0)
    ops.fail(fmt::format("axis {} of size {} does not split into {} equal parts", axis, in[axis],
                         parts));
  Shape part_shape = in;
  part_shape[axis] = in[axis] / parts;
  std::vector<float *> outputs;
  for (int32_t p = 0; p < parts; ++p) {
    expect_shape(ops, ops.output_shape(p), part_shape, ops.describe_output(p));
    outputs.push_back(ops.float_output(p));
  }
  return [=, input = ops.float_input(1)] { kernels::split(axis, in, input, outputs); };
}

BoundKernel bind_reshape(const Operands &ops) {
  // The optional second input (the shape) repeats what the output shape says.
  ops.expect_counts(1, 2, 1);
  const Shape in = ops.input_shape(0);
  expect_output_count(ops, ir::num_elements(in));
  return [=, input = ops.float_input(0), output = ops.float_output(0)] {
    kernels::reshape(in, input, output);
  };
}

BoundKernel bind_pad(const Operands &ops) {
  ops.expect_counts(2, 2, 1);
  const Shape in = ops.input_shape(0), out = ops.output_shape(0);
  const std::vector<int32_t> paddings = ops.int32_constant(1);
  if (paddings.size() != 2 * in.size())
    ops.fail(fmt::format("{} must be [{},2], got {} values", ops.describe_input(1), in.size(),
                         paddings.size()));
  Shape expected = in;
  for (size_t d = 0; d < in.size(); ++d) {
    if (paddings[2 * d] < 0 || paddings[2 * d + 1] < 0)
      ops.fail(fmt::format("padding of dimension {} is negative", d));
    expected[d] += paddings[2 * d] + paddings[2 * d + 1];
  }
  expect_output_shape(ops, expected);
  return [=, input = ops.float_input(0), output = ops.float_output(0)] {
    kernels::pad(in, input, paddings, out, output);
  };
}

template <auto kernel> BoundKernel bind_unary(const Operands &ops) {
  ops.expect_counts(1, 1, 1);
  const Shape in = ops.input_shape(0);
  expect_output_shape(ops, in);
  return
      [=, input = ops.float_input(0), output = ops.float_output(0)] { kernel(in, input, output); };
}

BoundKernel bind_softmax(const Operands &ops) {
  ops.expect_counts(1, 1, 1);
  const kernels::SoftmaxParams params{ops.options<ir::SoftmaxOptions>().beta};
  const Shape in = ops.input_shape(0);
  expect_output_shape(ops, in);
  return [=, input = ops.float_input(0), output = ops.float_output(0)] {
    kernels::softmax(params, in, input, output);
  };
}

BoundKernel bind_instance_norm(const Operands &ops) {
  ops.expect_counts(3, 3, 1);
  const auto &opt = ops.options<ir::InstanceNormOptions>();
  const Shape in = ops.input_shape(0);
  expect_rank(ops, in, 4, ops.describe_input(0));
  expect_output_shape(ops, in);
  const int64_t gamma_count = ir::num_elements(ops.input_shape(1));
  const int64_t beta_count = ir::num_elements(ops.input_shape(2));
  for (size_t slot : {1, 2}) {
    const int64_t count = slot == 1 ? gamma_count : beta_count;
    if (count != 1 && count != in[3])
      ops.fail(fmt::format("{} has {} elements, expected 1 or {} (channels)",
                           ops.describe_input(slot), count, in[3]));
  }
  const kernels::InstanceNormParams params{opt.epsilon, opt.activation};
  return [=, input = ops.float_input(0), gamma = ops.float_input(1), beta = ops.float_input(2),
          output = ops.float_output(0)] {
    kernels::instance_norm(params, in, input, gamma_count, gamma, beta_count, beta, output);
  };
}

} // namespace

BoundKernel bind_kernel(const Operands &ops) {
  switch (ops.op().code) {
  case OpCode::Conv2D:
    return bind_convolution<ir::Conv2DOptions, kernels::Conv2DParams, kernels::conv2d,
                            conv2d_channels>(ops);
  case OpCode::DepthwiseConv2D:
    return bind_convolution<ir::DepthwiseConv2DOptions, kernels::DepthwiseConv2DParams,
                            kernels::depthwise_conv2d, depthwise_channels>(ops);
  case OpCode::TransposeConv:
    return bind_transpose_conv(ops);
  case OpCode::FullyConnected:
    return bind_fully_connected(ops);
  case OpCode::Add:
    return bind_binary<kernels::AddParams, kernels::add>(ops);
  case OpCode::Sub:
    return bind_binary<kernels::SubParams, kernels::sub>(ops);
  case OpCode::Mul:
    return bind_binary<kernels::MulParams, kernels::mul>(ops);
  case OpCode::PRelu:
    return bind_prelu(ops);
  case OpCode::AveragePool2D:
    return bind_pool<kernels::average_pool2d>(ops);
  case OpCode::MaxPool2D:
    return bind_pool<kernels::max_pool2d>(ops);
  case OpCode::Mean:
    return bind_mean(ops);
  case OpCode::Concatenation:
    return bind_concatenation(ops);
  case OpCode::Split:
    return bind_split(ops);
  case OpCode::Reshape:
    return bind_reshape(ops);
  case OpCode::Pad:
    return bind_pad(ops);
  case OpCode::Relu:
    return bind_unary<kernels::relu>(ops);
  case OpCode::Relu6:
    return bind_unary<kernels::relu6>(ops);
  case OpCode::Logistic:
    return bind_unary<kernels::logistic>(ops);
  case OpCode::Tanh:
    return bind_unary<kernels::tanh>(ops);
  case OpCode::Softmax:
    return bind_softmax(ops);
  case OpCode::InstanceNorm:
    return bind_instance_norm(ops);
  case OpCode::Quantize:
  case OpCode::Dequantize:
    break;
  }
  throw UnsupportedError(fmt::format("{} (code {}) has no float kernel in the interpreter",
                                     ops.label(), static_cast<int32_t>(ops.op().code)));
}

} // namespace qgold::interp
