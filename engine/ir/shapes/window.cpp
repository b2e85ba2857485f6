// Shape rules of sliding-window and spatial ops (TFLite reference kernels,
// NHWC activations, OHWI filters; formats.md §4).
#include "ir/op_view.h"
#include "ir/shape_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

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


// lhs [..., M, K] (adj_x: [..., K, M]) times rhs [..., K, N] (adj_y: [..., N, K]);
// the batch dims broadcast. TFLite takes ranks 2 to 5.
Shape batch_matmul_shape(const OpView &view) {
  const auto &opts = view.options<BatchMatMulOptions>();
  const Shape &lhs = view.shape(0), &rhs = view.shape(1);
  if (lhs.size() < 2 || rhs.size() < 2 || lhs.size() > 5 || rhs.size() > 5)
    view.fail(fmt::format("operands {} and {} must have rank 2 to 5", shape_to_string(lhs),
                          shape_to_string(rhs)));
  const size_t lr = lhs.size(), rr = rhs.size();
  const int32_t m = opts.adj_x ? lhs[lr - 1] : lhs[lr - 2];
  const int32_t k_lhs = opts.adj_x ? lhs[lr - 2] : lhs[lr - 1];
  const int32_t k_rhs = opts.adj_y ? rhs[rr - 1] : rhs[rr - 2];
  const int32_t n = opts.adj_y ? rhs[rr - 2] : rhs[rr - 1];
  if (k_lhs != k_rhs)
    view.fail(fmt::format("the contracted dims differ: {} in {} ('{}', adj_x {}) and {} in {} ('{}', "
                          "adj_y {})",
                          k_lhs, shape_to_string(lhs), view.input(0).name, opts.adj_x, k_rhs,
                          shape_to_string(rhs), view.input(1).name, opts.adj_y));
  const Shape lhs_batch(lhs.begin(), lhs.end() - 2), rhs_batch(rhs.begin(), rhs.end() - 2);
  Shape out(std::max(lhs_batch.size(), rhs_batch.size()));
  for (size_t i = 0; i < out.size(); ++i) {
    const int32_t a = i < lhs_batch.size() ? lhs_batch[lhs_batch.size() - 1 - i] : 1;
    const int32_t b = i < rhs_batch.size() ? rhs_batch[rhs_batch.size() - 1 - i] : 1;
    if (a != b && a != 1 && b != 1)
      view.fail(fmt::format("batch dims of {} and {} cannot be broadcast", shape_to_string(lhs),
                            shape_to_string(rhs)));
    out[out.size() - 1 - i] = a == 1 ? b : a;
  }
  out.push_back(m);
  out.push_back(n);
  return out;
}

// Inputs: NHWC input, size [new_height, new_width] (an INT32 vector, as TFLite
// requires). TFLite's ResizeBilinear refuses align_corners with
// half_pixel_centers; ResizeNearestNeighbor takes every combination.
Shape resize_shape(const OpView &view) {
  view.expect_rank(0, 4, "input");
  const Tensor &size_tensor = view.input(1);
  if (size_tensor.dtype != DType::Int32 || size_tensor.shape.size() != 1)
    view.fail(fmt::format("size '{}' must be a 1-D INT32 tensor, got {} {}", size_tensor.name,
                          dtype_name(size_tensor.dtype), shape_to_string(size_tensor.shape)),
              view.input_index(1));
  const std::vector<int32_t> size = view.int32_constant(1, "size");
  if (size.size() != 2 || size[0] <= 0 || size[1] <= 0)
    view.fail(fmt::format("size '{}' must hold two positive values (height, width)",
                          view.input(1).name),
              view.input_index(1));
  if (const auto *bilinear = std::get_if<ResizeBilinearOptions>(&view.op().options);
      bilinear && bilinear->align_corners && bilinear->half_pixel_centers)
    view.fail("align_corners and half_pixel_centers cannot both be true (TFLite refuses it)");
  const Shape &in = view.shape(0);
  if ((in[1] == 0 || in[2] == 0) && in[0] > 0 && in[3] > 0)
    view.fail(fmt::format("input '{}' {} has no pixel to resize from", view.input(0).name,
                          shape_to_string(in)),
              view.input_index(0));
  return {in[0], size[0], size[1], in[3]};
}

namespace {

int32_t block_size(const OpView &view) {
  const int32_t block = view.options<BlockSizeOptions>().block_size;
  if (block < 1)
    view.fail(fmt::format("block_size must be >= 1, got {}", block));
  return block;
}

} // namespace

Shape depth_to_space_shape(const OpView &view) {
  view.expect_rank(0, 4, "input");
  const Shape &in = view.shape(0);
  const int32_t b = block_size(view);
  if (in[3] % (b * b) != 0)
    view.fail(fmt::format("input depth {} is not divisible by block_size^2 = {}", in[3], b * b),
              view.input_index(0));
  return {in[0], in[1] * b, in[2] * b, in[3] / (b * b)};
}

Shape space_to_depth_shape(const OpView &view) {
  view.expect_rank(0, 4, "input");
  const Shape &in = view.shape(0);
  const int32_t b = block_size(view);
  if (in[1] % b != 0 || in[2] % b != 0)
    view.fail(fmt::format("input height {} and width {} must be divisible by block_size {}", in[1],
                          in[2], b),
              view.input_index(0));
  return {in[0], in[1] / b, in[2] / b, in[3] * b * b};
}

namespace {

// block_shape [M] and a [M, 2] crops/paddings table for an input of rank >= M + 1.
struct BlockTable {
  std::vector<int32_t> block, table;
};

BlockTable block_table(const OpView &view, std::string_view table_role) {
  const Shape &in = view.shape(0);
  BlockTable t{view.int32_constant(1, "block_shape"), view.int32_constant(2, table_role)};
  const size_t m = t.block.size();
  if (view.shape(1).size() != 1 || m < 1 || in.size() < m + 1)
    view.fail(fmt::format("block_shape '{}' must be a vector of 1 to {} values", view.input(1).name,
                          in.size() - 1),
              view.input_index(1));
  if (view.shape(2) != Shape{static_cast<int32_t>(m), 2})
    view.fail(fmt::format("{} '{}' must have shape [{},2], got {}", table_role, view.input(2).name, m,
                          shape_to_string(view.shape(2))),
              view.input_index(2));
  for (size_t i = 0; i < m; ++i) {
    if (t.block[i] < 1)
      view.fail(fmt::format("block_shape values must be >= 1, got {}", t.block[i]), view.input_index(1));
    if (t.table[2 * i] < 0 || t.table[2 * i + 1] < 0)
      view.fail(fmt::format("{} of dim {} must be >= 0", table_role, i + 1), view.input_index(2));
  }
  return t;
}

} // namespace

// [N, spatial..., rest] -> [N / prod(block), spatial * block - crops, rest].
Shape batch_to_space_nd_shape(const OpView &view) {
  const BlockTable t = block_table(view, "crops");
  Shape out = view.shape(0);
  int64_t product = 1;
  for (size_t i = 0; i < t.block.size(); ++i) {
    product *= t.block[i];
    const int64_t size = int64_t{out[i + 1]} * t.block[i] - t.table[2 * i] - t.table[2 * i + 1];
    if (size < 0)
      view.fail(fmt::format("crops of dim {} exceed its size", i + 1), view.input_index(2));
    out[i + 1] = static_cast<int32_t>(size);
  }
  if (out[0] % product != 0)
    view.fail(fmt::format("batch {} is not divisible by the block size {}", out[0], product),
              view.input_index(0));
  out[0] = static_cast<int32_t>(out[0] / product);
  return out;
}

// [N, spatial..., rest] -> [N * prod(block), (spatial + paddings) / block, rest].
Shape space_to_batch_nd_shape(const OpView &view) {
  const BlockTable t = block_table(view, "paddings");
  Shape out = view.shape(0);
  int64_t product = 1;
  for (size_t i = 0; i < t.block.size(); ++i) {
    product *= t.block[i];
    const int64_t padded = int64_t{out[i + 1]} + t.table[2 * i] + t.table[2 * i + 1];
    if (padded % t.block[i] != 0)
      view.fail(fmt::format("padded size {} of dim {} is not divisible by block {}", padded, i + 1,
                            t.block[i]),
                view.input_index(0));
    out[i + 1] = static_cast<int32_t>(padded / t.block[i]);
  }
  out[0] = static_cast<int32_t>(out[0] * product);
  return out;
}

} // namespace qgold::ir
