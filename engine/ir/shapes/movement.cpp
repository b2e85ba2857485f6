// Shape rules of ops that move values without arithmetic.
#include "ir/op_view.h"
#include "ir/shape_rules.h"
#include "ir/strided_slice.h"

#include <fmt/format.h>

#include <algorithm>

namespace qgold::ir {
Shape concatenation_shape(const OpView &view) {
  const auto &opts = view.options<ConcatenationOptions>();
  if (view.num_inputs() == 0)
    view.fail("expected at least 1 input, got 0");
  Shape out = view.shape(0);
  const int32_t axis = view.axis(opts.axis, out.size());
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

// Stacks N equal shapes along a new axis.
Shape pack_shape(const OpView &view) {
  const auto &opts = view.options<PackOptions>();
  const Shape &first = view.shape(0);
  if (opts.values_count != static_cast<int32_t>(view.num_inputs()))
    view.fail(fmt::format("values_count is {} but the op has {} inputs", opts.values_count,
                          view.num_inputs()));
  for (size_t slot = 1; slot < view.num_inputs(); ++slot)
    if (view.shape(slot) != first)
      view.fail(fmt::format("input '{}' {} differs from '{}' {}", view.input(slot).name,
                            shape_to_string(view.shape(slot)), view.input(0).name,
                            shape_to_string(first)),
                view.input_index(slot));
  Shape out = first;
  const int32_t axis = view.axis(opts.axis, first.size() + 1);
  out.insert(out.begin() + axis, static_cast<int32_t>(view.num_inputs()));
  return out;
}

// num outputs, each the input without `axis`.
std::vector<Shape> unpack_shapes(const OpView &view) {
  const auto &opts = view.options<UnpackOptions>();
  Shape part = view.shape(0);
  if (part.empty())
    view.fail(fmt::format("input '{}' must have rank >= 1", view.input(0).name), view.input_index(0));
  const int32_t axis = view.axis(opts.axis, part.size());
  if (opts.num != part[axis])
    view.fail(fmt::format("num is {} but dim {} of input '{}' {} is {}", opts.num, axis,
                          view.input(0).name, shape_to_string(part), part[axis]));
  part.erase(part.begin() + axis);
  return std::vector<Shape>(static_cast<size_t>(opts.num), part);
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
  const int32_t axis = view.axis(axis_values[0], in.size(), 0);
  if (opts.num_splits <= 0 || opts.num_splits > std::max(in[axis], 1) ||
      in[axis] % opts.num_splits != 0)
    view.fail(fmt::format("dim {} of input '{}' {} is not divisible by num_splits {}", axis,
                          view.input(1).name, shape_to_string(in), opts.num_splits),
              view.input_index(1));
  in[axis] /= opts.num_splits;
  return std::vector<Shape>(opts.num_splits, in);
}

// Inputs: input, size_splits (one may be -1: the rest), axis.
std::vector<Shape> split_v_shapes(const OpView &view) {
  const auto &opts = view.options<SplitOptions>();
  Shape in = view.shape(0);
  std::vector<int32_t> sizes = view.int32_constant(1, "size_splits");
  const int32_t axis = view.axis(view.scalar_constant(2, "axis"), in.size(), 2);
  if (opts.num_splits != static_cast<int32_t>(sizes.size()))
    view.fail(fmt::format("num_splits is {} but size_splits '{}' holds {} values", opts.num_splits,
                          view.input(1).name, sizes.size()),
              view.input_index(1));
  int64_t known = 0;
  int wildcard = -1;
  for (size_t i = 0; i < sizes.size(); ++i) {
    if (sizes[i] == -1 && wildcard < 0)
      wildcard = static_cast<int>(i);
    else if (sizes[i] < 0)
      view.fail(fmt::format("size_splits may hold one -1 and no other negative value"),
                view.input_index(1));
    else
      known += sizes[i];
  }
  if (wildcard >= 0) {
    if (known > in[axis])
      view.fail(fmt::format("size_splits add up to {}, more than dim {} ({})", known, axis, in[axis]),
                view.input_index(1));
    sizes[wildcard] = static_cast<int32_t>(in[axis] - known);
  } else if (known != in[axis]) {
    view.fail(fmt::format("size_splits add up to {}, dim {} of the input is {}", known, axis, in[axis]),
              view.input_index(1));
  }
  std::vector<Shape> out;
  for (int32_t size : sizes) {
    in[axis] = size;
    out.push_back(in);
  }
  return out;
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

// out[i] = in[perm[i]].
Shape transpose_shape(const OpView &view) {
  const Shape &in = view.shape(0);
  const std::vector<int32_t> perm = view.int32_constant(1, "perm");
  if (perm.size() != in.size())
    view.fail(fmt::format("perm '{}' holds {} values for an input of rank {}", view.input(1).name,
                          perm.size(), in.size()),
              view.input_index(1));
  Shape out;
  std::vector<bool> used(in.size(), false);
  for (int32_t p : perm) {
    const int32_t d = view.axis(p, in.size(), 1);
    if (used[d])
      view.fail(fmt::format("perm '{}' names dim {} twice", view.input(1).name, d), view.input_index(1));
    used[d] = true;
    out.push_back(in[d]);
  }
  return out;
}

// params[:axis] + indices[batch_dims:] + params[axis+1:].
Shape gather_shape(const OpView &view) {
  const auto &opts = view.options<GatherOptions>();
  const Shape &params = view.shape(0), &indices = view.shape(1);
  if (params.empty())
    view.fail(fmt::format("params '{}' must have rank >= 1", view.input(0).name), view.input_index(0));
  const int32_t axis = view.axis(opts.axis, params.size());
  int32_t batch_dims = opts.batch_dims;
  if (batch_dims < 0)
    batch_dims += static_cast<int32_t>(indices.size());
  if (batch_dims < 0 || batch_dims > static_cast<int32_t>(indices.size()) || batch_dims > axis)
    view.fail(fmt::format("batch_dims {} must be in [0, min(rank of indices {}, axis {})]",
                          opts.batch_dims, indices.size(), axis));
  for (int32_t i = 0; i < batch_dims; ++i)
    if (params[i] != indices[i])
      view.fail(fmt::format("batch dim {} differs: params {} and indices {}", i,
                            shape_to_string(params), shape_to_string(indices)));
  Shape out(params.begin(), params.begin() + axis);
  out.insert(out.end(), indices.begin() + batch_dims, indices.end());
  out.insert(out.end(), params.begin() + axis + 1, params.end());
  return out;
}

Shape strided_slice_shape(const OpView &view) {
  const auto &opts = view.options<StridedSliceOptions>();
  if (opts.offset)
    view.fail("the offset option (end relative to begin) is not supported");
  for (size_t slot : {1, 2, 3})
    if (view.shape(slot).size() != 1)
      view.fail(fmt::format("'{}' must be a vector", view.input(slot).name), view.input_index(slot));
  StridedSliceSpec spec{view.int32_constant(1, "begin"), view.int32_constant(2, "end"),
                        view.int32_constant(3, "strides"), opts.begin_mask, opts.end_mask,
                        opts.ellipsis_mask, opts.new_axis_mask, opts.shrink_axis_mask};
  std::string error;
  const StridedSliceGeometry g = strided_slice_geometry(view.shape(0), spec, error);
  if (!error.empty())
    view.fail(error);
  return g.output();
}

// Inputs: input, begin, size (-1: to the end of the dim).
Shape slice_shape(const OpView &view) {
  const Shape &in = view.shape(0);
  const std::vector<int32_t> begin = view.int32_constant(1, "begin");
  const std::vector<int32_t> size = view.int32_constant(2, "size");
  if (begin.size() != in.size() || size.size() != in.size())
    view.fail(fmt::format("begin and size must hold {} values (the input rank), got {} and {}",
                          in.size(), begin.size(), size.size()));
  Shape out;
  for (size_t d = 0; d < in.size(); ++d) {
    const int64_t extent = size[d] == -1 ? int64_t{in[d]} - begin[d] : size[d];
    if (begin[d] < 0 || extent < 0 || begin[d] + extent > in[d])
      view.fail(fmt::format("dim {}: begin {} and size {} do not fit in {}", d, begin[d], size[d],
                            in[d]));
    out.push_back(static_cast<int32_t>(extent));
  }
  return out;
}

// Removes the listed size-1 dims, or every size-1 dim when none is listed.
Shape squeeze_shape(const OpView &view) {
  const auto &opts = view.options<SqueezeOptions>();
  const Shape &in = view.shape(0);
  std::vector<bool> removed(in.size(), opts.squeeze_dims.empty());
  for (int32_t dim : opts.squeeze_dims) {
    const int32_t d = view.axis(dim, in.size());
    if (in[d] != 1)
      view.fail(fmt::format("squeeze dim {} of input '{}' {} is not 1", dim, view.input(0).name,
                            shape_to_string(in)));
    removed[d] = true;
  }
  Shape out;
  for (size_t d = 0; d < in.size(); ++d)
    if (!removed[d] || in[d] != 1)
      out.push_back(in[d]);
  return out;
}

// Inserts a 1 at axis, in [-(rank + 1), rank].
Shape expand_dims_shape(const OpView &view) {
  Shape out = view.shape(0);
  const int32_t axis = view.axis(view.scalar_constant(1, "axis"), out.size() + 1, 1);
  out.insert(out.begin() + axis, 1);
  return out;
}

Shape tile_shape(const OpView &view) {
  Shape out = view.shape(0);
  const std::vector<int32_t> multiples = view.int32_constant(1, "multiples");
  if (multiples.size() != out.size())
    view.fail(fmt::format("multiples '{}' holds {} values for an input of rank {}",
                          view.input(1).name, multiples.size(), out.size()),
              view.input_index(1));
  for (size_t d = 0; d < out.size(); ++d) {
    if (multiples[d] < 0)
      view.fail(fmt::format("multiples must be >= 0, got {}", multiples[d]), view.input_index(1));
    out[d] *= multiples[d];
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
  // MirrorPad may not pad past the dim (REFLECT: not even its edge).
  const auto *mirror = std::get_if<MirrorPadOptions>(&view.op().options);
  const int32_t reflect = mirror && mirror->mode == MirrorPadMode::Reflect ? 1 : 0;
  if (view.op().inputs.size() > 2 && num_elements(view.shape(2)) != 1)
    view.fail(fmt::format("constant_values '{}' must hold one value", view.input(2).name),
              view.input_index(2));
  for (size_t i = 0; i < out.size(); ++i) {
    if (paddings[2 * i] < 0 || paddings[2 * i + 1] < 0)
      view.fail(fmt::format("paddings of dim {} must be >= 0, got [{},{}]", i, paddings[2 * i],
                            paddings[2 * i + 1]),
                view.input_index(1));
    if (mirror && std::max(paddings[2 * i], paddings[2 * i + 1]) > out[i] - reflect)
      view.fail(fmt::format("{} paddings of dim {} must be at most {}, got [{},{}]",
                            mirror_pad_mode_name(mirror->mode), i, out[i] - reflect,
                            paddings[2 * i], paddings[2 * i + 1]),
                view.input_index(1));
    out[i] += paddings[2 * i] + paddings[2 * i + 1];
  }
  return out;
}

Shape shape_of_shape(const OpView &view) {
  const DType type = view.options<ShapeOptions>().out_type;
  if (type != DType::Int32 && type != DType::Int64)
    view.fail(fmt::format("out_type must be INT32 or INT64, got {}", dtype_name(type)));
  return {static_cast<int32_t>(view.shape(0).size())};
}

// Inputs: indices, depth, on_value, off_value. depth is inserted at axis (-1: last).
Shape one_hot_shape(const OpView &view) {
  const auto &opts = view.options<OneHotOptions>();
  Shape out = view.shape(0);
  const int32_t depth = view.scalar_constant(1, "depth");
  if (depth < 0)
    view.fail(fmt::format("depth must be >= 0, got {}", depth), view.input_index(1));
  for (size_t slot : {2, 3})
    if (num_elements(view.shape(slot)) != 1)
      view.fail(fmt::format("'{}' must hold one value", view.input(slot).name), view.input_index(slot));
  // TFLite (one_hot.cc) and TensorFlow take -1 as "last" and no other negative axis.
  if (opts.axis < -1 || opts.axis > static_cast<int32_t>(out.size()))
    view.fail(fmt::format("axis {} is out of range for indices of rank {} (expected -1..{})",
                          opts.axis, out.size(), out.size()));
  const int32_t axis = opts.axis == -1 ? static_cast<int32_t>(out.size()) : opts.axis;
  out.insert(out.begin() + axis, depth);
  return out;
}

} // namespace qgold::ir
