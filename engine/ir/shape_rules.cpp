// Output shape rules of every op qgold supports, following the TFLite
// reference kernels (NHWC activations, OHWI filters; see formats.md §4).
#include "ir/shape_rules.h"

#include "ir/op_view.h"

#include <fmt/format.h>

#include <algorithm>
#include <variant>

namespace qgold::ir {
namespace {

// An optional bias must hold one value per output channel.
void check_bias(const OpView &view, size_t slot, int32_t channels) {
  if (!view.has_input(slot))
    return;
  const Shape &bias = view.shape(slot);
  if (bias != Shape{channels})
    view.fail(fmt::format("bias '{}' must have shape [{}] (output channels), got {}",
                          view.input(slot).name, channels, shape_to_string(bias)),
              view.input_index(slot));
}

// One spatial output size. SAME: ceil(in / stride); VALID: ceil((in - (k-1)*d) / stride).
int32_t window_output_size(const OpView &view, std::string_view dim, int32_t in, int32_t kernel,
                           int32_t stride, int32_t dilation, Padding padding) {
  if (stride <= 0 || dilation <= 0 || kernel <= 0)
    view.fail(fmt::format("{}: stride {}, dilation {} and kernel size {} must all be > 0", dim,
                          stride, dilation, kernel));
  if (padding == Padding::Same)
    return static_cast<int32_t>((static_cast<int64_t>(in) + stride - 1) / stride);
  int64_t effective_kernel = static_cast<int64_t>(kernel - 1) * dilation + 1;
  if (in < effective_kernel)
    view.fail(fmt::format("{}: input size {} is smaller than the dilated kernel size {} with VALID "
                          "padding",
                          dim, in, effective_kernel));
  return static_cast<int32_t>((in - effective_kernel + stride) / stride);
}

} // namespace

Shape conv2d_shape(const OpView &view) {
  const auto &opts = view.options<Conv2DOptions>();
  view.expect_rank(0, 4, "input");
  view.expect_rank(1, 4, "filter");
  const Shape &in = view.shape(0), &filter = view.shape(1);
  if (filter[3] != in[3])
    view.fail(fmt::format("filter '{}' (OHWI) has {} input channels, input '{}' has {}",
                          view.input(1).name, filter[3], view.input(0).name, in[3]),
              view.input_index(1));
  int32_t oh = window_output_size(view, "height", in[1], filter[1], opts.stride_h,
                                  opts.dilation_h_factor, opts.padding);
  int32_t ow = window_output_size(view, "width", in[2], filter[2], opts.stride_w,
                                  opts.dilation_w_factor, opts.padding);
  check_bias(view, 2, filter[0]);
  return {in[0], oh, ow, filter[0]};
}

Shape depthwise_conv2d_shape(const OpView &view) {
  const auto &opts = view.options<DepthwiseConv2DOptions>();
  view.expect_rank(0, 4, "input");
  view.expect_rank(1, 4, "filter");
  const Shape &in = view.shape(0), &filter = view.shape(1);
  if (opts.depth_multiplier <= 0)
    view.fail(fmt::format("depth_multiplier must be > 0, got {}", opts.depth_multiplier));
  int64_t channels = static_cast<int64_t>(in[3]) * opts.depth_multiplier;
  if (filter[0] != 1 || filter[3] != channels)
    view.fail(fmt::format("filter '{}' must have shape [1,H,W,{}] (input channels {} x "
                          "depth_multiplier {}), got {}",
                          view.input(1).name, channels, in[3], opts.depth_multiplier,
                          shape_to_string(filter)),
              view.input_index(1));
  int32_t oh = window_output_size(view, "height", in[1], filter[1], opts.stride_h,
                                  opts.dilation_h_factor, opts.padding);
  int32_t ow = window_output_size(view, "width", in[2], filter[2], opts.stride_w,
                                  opts.dilation_w_factor, opts.padding);
  check_bias(view, 2, filter[3]);
  return {in[0], oh, ow, filter[3]};
}

// Inputs: output_shape (int32 const), weights OHWI, input NHWC, optional bias.
Shape transpose_conv_shape(const OpView &view) {
  const auto &opts = view.options<TransposeConvOptions>();
  std::vector<int32_t> out = view.int32_constant(0, "output_shape");
  view.expect_rank(1, 4, "weights");
  view.expect_rank(2, 4, "input");
  const Shape &weights = view.shape(1), &in = view.shape(2);
  if (out.size() != 4)
    view.fail(fmt::format("output_shape '{}' must hold 4 values (NHWC), got {}",
                          view.input(0).name, out.size()),
              view.input_index(0));
  if (weights[3] != in[3])
    view.fail(fmt::format("weights '{}' (OHWI) have {} input channels, input '{}' has {}",
                          view.input(1).name, weights[3], view.input(2).name, in[3]),
              view.input_index(1));
  if (out[0] != in[0] || out[3] != weights[0])
    view.fail(fmt::format("output_shape {} must have batch {} (input) and depth {} (weights)",
                          shape_to_string(out), in[0], weights[0]),
              view.input_index(0));
  // The op is the gradient of a convolution from the output back to the input,
  // so that convolution must map the output size onto the input size.
  int32_t back_h =
      window_output_size(view, "height", out[1], weights[1], opts.stride_h, 1, opts.padding);
  int32_t back_w =
      window_output_size(view, "width", out[2], weights[2], opts.stride_w, 1, opts.padding);
  if (back_h != in[1] || back_w != in[2])
    view.fail(fmt::format("output_shape {} does not match input '{}' {}: a convolution of the "
                          "output with these strides/padding gives {}x{}",
                          shape_to_string(out), view.input(2).name, shape_to_string(in), back_h,
                          back_w),
              view.input_index(0));
  check_bias(view, 3, weights[0]);
  return out;
}

Shape pool2d_shape(const OpView &view) {
  const auto &opts = view.options<Pool2DOptions>();
  view.expect_rank(0, 4, "input");
  const Shape &in = view.shape(0);
  int32_t oh =
      window_output_size(view, "height", in[1], opts.filter_height, opts.stride_h, 1, opts.padding);
  int32_t ow =
      window_output_size(view, "width", in[2], opts.filter_width, opts.stride_w, 1, opts.padding);
  return {in[0], oh, ow, in[3]};
}

Shape fully_connected_shape(const OpView &view) {
  const auto &opts = view.options<FullyConnectedOptions>();
  view.expect_rank(1, 2, "weights");
  const Shape &in = view.shape(0), &weights = view.shape(1);
  int32_t depth = weights[1];
  check_bias(view, 2, weights[0]);
  int64_t count = num_elements(in);
  if (in.empty() || depth <= 0 || count % depth != 0)
    view.fail(fmt::format("input '{}' {} cannot be flattened into rows of {} (weights '{}' {})",
                          view.input(0).name, shape_to_string(in), depth, view.input(1).name,
                          shape_to_string(weights)),
              view.input_index(0));
  if (!opts.keep_num_dims)
    return {static_cast<int32_t>(count / depth), weights[0]};
  if (in.back() != depth)
    view.fail(fmt::format("keep_num_dims needs the last input dim ({}) to equal the weights "
                          "depth {}",
                          in.back(), depth),
              view.input_index(0));
  Shape out = in;
  out.back() = weights[0];
  return out;
}

namespace {

// Numpy broadcasting: align trailing dims; each pair equal or one of them 1.
Shape broadcast(const OpView &view, size_t slot_a, size_t slot_b) {
  const Shape &a = view.shape(slot_a), &b = view.shape(slot_b);
  Shape out(std::max(a.size(), b.size()));
  for (size_t i = 0; i < out.size(); ++i) {
    int32_t da = i < a.size() ? a[a.size() - 1 - i] : 1;
    int32_t db = i < b.size() ? b[b.size() - 1 - i] : 1;
    if (da != db && da != 1 && db != 1)
      view.fail(fmt::format("shapes {} ('{}') and {} ('{}') cannot be broadcast",
                            shape_to_string(a), view.input(slot_a).name, shape_to_string(b),
                            view.input(slot_b).name),
                view.input_index(slot_b));
    out[out.size() - 1 - i] = da == 1 ? db : da;
  }
  return out;
}

} // namespace

Shape broadcast_shape(const OpView &view) { return broadcast(view, 0, 1); }

Shape same_shape(const OpView &view) { return view.shape(0); }

Shape prelu_shape(const OpView &view) {
  Shape out = broadcast(view, 0, 1);
  if (out != view.shape(0))
    view.fail(fmt::format("alpha '{}' {} must broadcast to the input shape {}",
                          view.input(1).name, shape_to_string(view.shape(1)),
                          shape_to_string(view.shape(0))),
              view.input_index(1));
  return out;
}

namespace {

// Resolves a possibly negative axis against `rank`.
int32_t normalize_axis(const OpView &view, int64_t axis, size_t rank, int32_t tensor_index) {
  int64_t r = static_cast<int64_t>(rank);
  if (axis < -r || axis >= r)
    view.fail(fmt::format("axis {} is out of range for rank {} (expected {}..{})", axis, rank,
                          -r, r - 1),
              tensor_index);
  return static_cast<int32_t>(axis < 0 ? axis + r : axis);
}

} // namespace

Shape mean_shape(const OpView &view) {
  const auto &opts = view.options<ReducerOptions>();
  const Shape &in = view.shape(0);
  std::vector<bool> reduced(in.size(), false);
  for (int32_t axis : view.int32_constant(1, "axes"))
    reduced[normalize_axis(view, axis, in.size(), view.input_index(1))] = true;
  Shape out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (!reduced[i])
      out.push_back(in[i]);
    else if (opts.keep_dims)
      out.push_back(1);
  }
  return out;
}

Shape concatenation_shape(const OpView &view) {
  const auto &opts = view.options<ConcatenationOptions>();
  if (view.num_inputs() == 0)
    view.fail("expected at least 1 input, got 0");
  Shape out = view.shape(0);
  int32_t axis = normalize_axis(view, opts.axis, out.size(), -1);
  for (size_t slot = 1; slot < view.num_inputs(); ++slot) {
    const Shape &other = view.shape(slot);
    bool compatible = other.size() == out.size();
    for (size_t i = 0; compatible && i < out.size(); ++i)
      compatible = static_cast<int32_t>(i) == axis || other[i] == out[i];
    if (!compatible)
      view.fail(fmt::format("input '{}' {} does not match {} outside axis {}", view.input(slot).name,
                            shape_to_string(other), shape_to_string(view.shape(0)), axis),
                view.input_index(slot));
    out[axis] += other[axis];
  }
  return out;
}

// Inputs: axis (int32 scalar const), input.
std::vector<Shape> split_shapes(const OpView &view) {
  const auto &opts = view.options<SplitOptions>();
  std::vector<int32_t> axis_values = view.int32_constant(0, "axis");
  if (axis_values.size() != 1)
    view.fail(fmt::format("axis '{}' must hold one value, got {}", view.input(0).name,
                          axis_values.size()),
              view.input_index(0));
  Shape in = view.shape(1);
  int32_t axis = normalize_axis(view, axis_values[0], in.size(), view.input_index(0));
  if (opts.num_splits <= 0 || opts.num_splits > std::max(in[axis], 1) ||
      in[axis] % opts.num_splits != 0)
    view.fail(fmt::format("dim {} of input '{}' {} is not divisible by num_splits {}", axis,
                          view.input(1).name, shape_to_string(in), opts.num_splits),
              view.input_index(1));
  in[axis] /= opts.num_splits;
  return std::vector<Shape>(opts.num_splits, in);
}

// Target shape from the constant shape input when present, else the new_shape option.
Shape reshape_shape(const OpView &view) {
  const auto &opts = view.options<ReshapeOptions>();
  const Shape &in = view.shape(0);
  Shape out = view.has_input(1) && view.input(1).is_constant()
                  ? view.int32_constant(1, "shape")
                  : opts.new_shape;
  if (view.has_input(1) && !view.input(1).is_constant() && opts.new_shape.empty())
    view.fail(fmt::format("shape input '{}' is not constant and new_shape is empty",
                          view.input(1).name),
              view.input_index(1));
  int64_t known = 1;
  int wildcard = -1;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == -1 && wildcard < 0) {
      wildcard = static_cast<int>(i);
    } else if (out[i] < 0) {
      view.fail(fmt::format("target shape {} may hold one -1 and no other negative dims",
                            shape_to_string(out)));
    } else {
      known *= out[i];
    }
  }
  int64_t count = num_elements(in);
  if (wildcard >= 0) {
    if (known == 0 || count % known != 0)
      view.fail(fmt::format("cannot infer the -1 of target shape {} from input shape {}",
                            shape_to_string(out), shape_to_string(in)));
    out[wildcard] = static_cast<int32_t>(count / known);
  } else if (known != count) {
    view.fail(fmt::format("target shape {} has {} elements, input '{}' {} has {}",
                          shape_to_string(out), known, view.input(0).name, shape_to_string(in),
                          count));
  }
  return out;
}

Shape pad_shape(const OpView &view) {
  Shape out = view.shape(0);
  std::vector<int32_t> paddings = view.int32_constant(1, "paddings");
  const Shape &pad_shape = view.shape(1);
  if (pad_shape != Shape{static_cast<int32_t>(out.size()), 2})
    view.fail(fmt::format("paddings '{}' must have shape [{},2], got {}", view.input(1).name,
                          out.size(), shape_to_string(pad_shape)),
              view.input_index(1));
  for (size_t i = 0; i < out.size(); ++i) {
    if (paddings[2 * i] < 0 || paddings[2 * i + 1] < 0)
      view.fail(fmt::format("paddings of dim {} must be >= 0, got [{},{}]", i, paddings[2 * i],
                            paddings[2 * i + 1]),
                view.input_index(1));
    out[i] += paddings[2 * i] + paddings[2 * i + 1];
  }
  return out;
}

// Inputs: input NHWC, gamma and beta with one value per channel (or one in all).
Shape instance_norm_shape(const OpView &view) {
  view.expect_rank(0, 4, "input");
  const Shape &in = view.shape(0);
  for (size_t slot : {1, 2}) {
    const Shape &param = view.shape(slot);
    if (param.size() != 1 || (param[0] != in[3] && param[0] != 1))
      view.fail(fmt::format("{} '{}' must have shape [{}] (input channels), got {}",
                            slot == 1 ? "gamma" : "beta", view.input(slot).name, in[3],
                            shape_to_string(param)),
                view.input_index(slot));
  }
  return in;
}

} // namespace qgold::ir
