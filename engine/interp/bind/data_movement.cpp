// Ops that move values without arithmetic. Their kernels are templates over
// the element type (kernels/element_types.h): float32 activations and the
// plain int32/int64/bool tensors of shape arithmetic, as the registry's
// ValueTypes allow per op.
#include "interp/binders.h"
#include "interp/kernels/batch_to_space_nd.h"
#include "interp/kernels/concatenation.h"
#include "interp/kernels/depth_to_space.h"
#include "interp/kernels/gather.h"
#include "interp/kernels/mirror_pad.h"
#include "interp/kernels/one_hot.h"
#include "interp/kernels/pack.h"
#include "interp/kernels/pad.h"
#include "interp/kernels/reshape.h"
#include "interp/kernels/shape_of.h"
#include "interp/kernels/slice.h"
#include "interp/kernels/space_to_batch_nd.h"
#include "interp/kernels/space_to_depth.h"
#include "interp/kernels/split.h"
#include "interp/kernels/split_v.h"
#include "interp/kernels/strided_slice.h"
#include "interp/kernels/tile.h"
#include "interp/kernels/transpose.h"
#include "interp/kernels/unpack.h"
#include "ir/error.h"

#include <fmt/format.h>

namespace qgold::interp {
namespace {

// Returns body.template operator()<T>() for T the element type of `dtype`.
// Quantized tensors are the integer interpreter's: moving them can take a
// rescale (Concatenation) or a zero point as padding value.
template <typename Body>
BoundKernel by_element_type(const Operands &ops, ir::DType dtype, Body body) {
  switch (dtype) {
  case ir::DType::Float32:
    return body.template operator()<float>();
  case ir::DType::Int32:
    return body.template operator()<int32_t>();
  case ir::DType::Int64:
    return body.template operator()<int64_t>();
  case ir::DType::Bool:
    return body.template operator()<bool>();
  default:
    break;
  }
  throw UnsupportedError(fmt::format("{}: {} values are not run by the float interpreter",
                                     ops.label(), ir::dtype_name(dtype)));
}

// Same for an index tensor (int32 or int64; validation checked it).
template <typename Body>
BoundKernel by_index_type(const Operands &ops, size_t slot, Body body) {
  if (ops.input_dtype(slot) == ir::DType::Int64)
    return body.template operator()<int64_t>();
  return body.template operator()<int32_t>();
}

// The buffers of every output, as T.
template <typename T> std::vector<T *> outputs_of(const Operands &ops) {
  std::vector<T *> outputs;
  for (size_t p = 0; p < ops.op().outputs.size(); ++p)
    outputs.push_back(ops.output<T>(p));
  return outputs;
}

// Squeeze, ExpandDims and Reshape: the same elements in the same order.
BoundKernel bind_copy(const Operands &ops) {
  return by_element_type(ops, ops.output_dtype(0), [&]<typename T>() -> BoundKernel {
    return [in = ops.input_shape(0), input = ops.input<T>(0), output = ops.output<T>(0)] {
      kernels::reshape(in, input, output);
    };
  });
}

} // namespace

BoundKernel bind_Concatenation(const Operands &ops) {
  const auto &opt = ops.options<ir::ConcatenationOptions>();
  const ir::DType dtype = ops.output_dtype(0);
  if (dtype != ir::DType::Float32 && opt.activation != ir::Activation::None)
    ops.fail(fmt::format("a fused activation ({}) on {} values",
                         ir::activation_name(opt.activation), ir::dtype_name(dtype)));
  return by_element_type(ops, dtype, [&]<typename T>() -> BoundKernel {
    std::vector<ir::Shape> shapes;
    std::vector<const T *> inputs;
    for (size_t i = 0; i < ops.op().inputs.size(); ++i) {
      shapes.push_back(ops.input_shape(i));
      inputs.push_back(ops.input<T>(i));
    }
    const kernels::ConcatenationParams params{opt.axis, opt.activation};
    return [=, out = ops.output_shape(0), output = ops.output<T>(0)] {
      kernels::concatenation<T>(params, shapes, inputs, out, output);
    };
  });
}

// Inputs: axis (int32 scalar constant), input.
BoundKernel bind_Split(const Operands &ops) {
  return by_element_type(ops, ops.output_dtype(0), [&]<typename T>() -> BoundKernel {
    return [outputs = outputs_of<T>(ops), axis = ops.int32_constant(0).at(0),
            in = ops.input_shape(1), input = ops.input<T>(1)] {
      kernels::split<T>(axis, in, input, outputs);
    };
  });
}

// Inputs: input, size_splits, axis; the part sizes are the outputs' dims.
BoundKernel bind_SplitV(const Operands &ops) {
  const ir::Shape &in = ops.input_shape(0);
  const int32_t rank = static_cast<int32_t>(in.size());
  int32_t axis = ops.int32_constant(2).at(0);
  if (axis < 0)
    axis += rank;
  std::vector<int32_t> sizes;
  for (size_t p = 0; p < ops.op().outputs.size(); ++p)
    sizes.push_back(ops.output_shape(p).at(static_cast<size_t>(axis)));
  return by_element_type(ops, ops.output_dtype(0), [&]<typename T>() -> BoundKernel {
    return [=, outputs = outputs_of<T>(ops), input = ops.input<T>(0)] {
      kernels::split_v<T>(axis, in, sizes, input, outputs);
    };
  });
}

BoundKernel bind_Unpack(const Operands &ops) {
  const int32_t axis = ops.options<ir::UnpackOptions>().axis;
  return by_element_type(ops, ops.input_dtype(0), [&]<typename T>() -> BoundKernel {
    return [=, outputs = outputs_of<T>(ops), in = ops.input_shape(0), input = ops.input<T>(0)] {
      kernels::unpack<T>(axis, in, input, outputs);
    };
  });
}

BoundKernel bind_Pack(const Operands &ops) {
  const int32_t axis = ops.options<ir::PackOptions>().axis;
  return by_element_type(ops, ops.output_dtype(0), [&]<typename T>() -> BoundKernel {
    std::vector<const T *> inputs;
    for (size_t i = 0; i < ops.op().inputs.size(); ++i)
      inputs.push_back(ops.input<T>(i));
    return [=, in = ops.input_shape(0), output = ops.output<T>(0)] {
      kernels::pack<T>(axis, in, inputs, output);
    };
  });
}

// The optional second input (the shape) is read by shape inference only.
BoundKernel bind_Reshape(const Operands &ops) { return bind_copy(ops); }
// The squeezed dims and the expanded axis only change the declared shape.
BoundKernel bind_Squeeze(const Operands &ops) { return bind_copy(ops); }
BoundKernel bind_ExpandDims(const Operands &ops) { return bind_copy(ops); }

BoundKernel bind_Transpose(const Operands &ops) {
  return by_element_type(ops, ops.output_dtype(0), [&]<typename T>() -> BoundKernel {
    return [in = ops.input_shape(0), perm = ops.int32_constant(1), input = ops.input<T>(0),
            output = ops.output<T>(0)] { kernels::transpose<T>(in, perm, input, output); };
  });
}

// Inputs: params, indices (int32 or int64, constant or computed). An index
// outside the axis fails the inference, as in TFLite.
BoundKernel bind_Gather(const Operands &ops) {
  const auto &opt = ops.options<ir::GatherOptions>();
  const kernels::GatherParams params{opt.axis, opt.batch_dims};
  const ir::Shape &in = ops.input_shape(0);
  const int32_t rank = static_cast<int32_t>(in.size());
  const int32_t axis_size = in.at(static_cast<size_t>(opt.axis < 0 ? opt.axis + rank : opt.axis));
  return by_element_type(ops, ops.output_dtype(0), [&]<typename T>() -> BoundKernel {
    return by_index_type(ops, 1, [&]<typename I>() -> BoundKernel {
      return [=, label = ops.label(), indices_shape = ops.input_shape(1), input = ops.input<T>(0),
              indices = ops.input<I>(1), output = ops.output<T>(0)] {
        const auto bad = kernels::gather<T, I>(params, in, input, indices_shape, indices, output);
        if (bad)
          throw InputError(fmt::format("{}: index {} (element {} of the indices) is outside the "
                                       "gathered axis [0, {})",
                                       label, bad->value, bad->position, axis_size));
      };
    });
  });
}

// Inputs: input, begin, size; the output shape holds the resolved sizes.
BoundKernel bind_Slice(const Operands &ops) {
  return by_element_type(ops, ops.output_dtype(0), [&]<typename T>() -> BoundKernel {
    return [in = ops.input_shape(0), begin = ops.int32_constant(1), out = ops.output_shape(0),
            input = ops.input<T>(0), output = ops.output<T>(0)] {
      kernels::slice<T>(in, begin, out, input, output);
    };
  });
}

// Inputs: input, begin, end, strides (constants; shape inference checked the spec).
BoundKernel bind_StridedSlice(const Operands &ops) {
  const auto &opt = ops.options<ir::StridedSliceOptions>();
  const ir::StridedSliceSpec spec{ops.int32_constant(1), ops.int32_constant(2),
                                  ops.int32_constant(3), opt.begin_mask, opt.end_mask,
                                  opt.ellipsis_mask, opt.new_axis_mask, opt.shrink_axis_mask};
  std::string error;
  ir::StridedSliceGeometry geometry =
      ir::strided_slice_geometry(ops.input_shape(0), spec, error);
  if (!error.empty())
    ops.fail(error);
  return by_element_type(ops, ops.output_dtype(0), [&]<typename T>() -> BoundKernel {
    return [geometry, input = ops.input<T>(0), output = ops.output<T>(0)] {
      kernels::strided_slice<T>(geometry, input, output);
    };
  });
}

BoundKernel bind_Tile(const Operands &ops) {
  return by_element_type(ops, ops.output_dtype(0), [&]<typename T>() -> BoundKernel {
    return [in = ops.input_shape(0), out = ops.output_shape(0), input = ops.input<T>(0),
            output = ops.output<T>(0)] { kernels::tile<T>(in, input, out, output); };
  });
}

BoundKernel bind_Pad(const Operands &ops) {
  return by_element_type(ops, ops.output_dtype(0), [&]<typename T>() -> BoundKernel {
    return [in = ops.input_shape(0), paddings = ops.int32_constant(1), out = ops.output_shape(0),
            input = ops.input<T>(0), output = ops.output<T>(0)] {
      kernels::pad<T>(in, input, paddings, T{}, out, output);
    };
  });
}

// Inputs: input, paddings, constant_values (one value, read when the op runs).
BoundKernel bind_PadV2(const Operands &ops) {
  return by_element_type(ops, ops.output_dtype(0), [&]<typename T>() -> BoundKernel {
    return [in = ops.input_shape(0), paddings = ops.int32_constant(1), out = ops.output_shape(0),
            input = ops.input<T>(0), value = ops.input<T>(2), output = ops.output<T>(0)] {
      kernels::pad<T>(in, input, paddings, *value, out, output);
    };
  });
}

BoundKernel bind_MirrorPad(const Operands &ops) {
  const ir::MirrorPadMode mode = ops.options<ir::MirrorPadOptions>().mode;
  return by_element_type(ops, ops.output_dtype(0), [&]<typename T>() -> BoundKernel {
    return [mode, in = ops.input_shape(0), paddings = ops.int32_constant(1),
            out = ops.output_shape(0), input = ops.input<T>(0), output = ops.output<T>(0)] {
      kernels::mirror_pad<T>(mode, in, input, paddings, out, output);
    };
  });
}

BoundKernel bind_DepthToSpace(const Operands &ops) {
  const int32_t block = ops.options<ir::BlockSizeOptions>().block_size;
  return by_element_type(ops, ops.output_dtype(0), [&]<typename T>() -> BoundKernel {
    return [block, in = ops.input_shape(0), out = ops.output_shape(0), input = ops.input<T>(0),
            output = ops.output<T>(0)] {
      kernels::depth_to_space<T>(block, in, input, out, output);
    };
  });
}

BoundKernel bind_SpaceToDepth(const Operands &ops) {
  const int32_t block = ops.options<ir::BlockSizeOptions>().block_size;
  return by_element_type(ops, ops.output_dtype(0), [&]<typename T>() -> BoundKernel {
    return [block, in = ops.input_shape(0), out = ops.output_shape(0), input = ops.input<T>(0),
            output = ops.output<T>(0)] {
      kernels::space_to_depth<T>(block, in, input, out, output);
    };
  });
}

// Inputs: input, block_shape, crops.
BoundKernel bind_BatchToSpaceND(const Operands &ops) {
  return by_element_type(ops, ops.output_dtype(0), [&]<typename T>() -> BoundKernel {
    return [in = ops.input_shape(0), block = ops.int32_constant(1), crops = ops.int32_constant(2),
            out = ops.output_shape(0), input = ops.input<T>(0), output = ops.output<T>(0)] {
      kernels::batch_to_space_nd<T>(in, input, block, crops, out, output);
    };
  });
}

// Inputs: input, block_shape, paddings. Float padding is 0.
BoundKernel bind_SpaceToBatchND(const Operands &ops) {
  return by_element_type(ops, ops.output_dtype(0), [&]<typename T>() -> BoundKernel {
    return [in = ops.input_shape(0), block = ops.int32_constant(1),
            paddings = ops.int32_constant(2), out = ops.output_shape(0), input = ops.input<T>(0),
            output = ops.output<T>(0)] {
      kernels::space_to_batch_nd<T>(in, input, block, paddings, out, output);
    };
  });
}

// Only the input's shape is read, never its values.
BoundKernel bind_Shape(const Operands &ops) {
  const ir::Shape in = ops.input_shape(0);
  if (ops.output_dtype(0) == ir::DType::Int64)
    return [in, output = ops.output<int64_t>(0)] { kernels::shape_of<int64_t>(in, output); };
  return [in, output = ops.output<int32_t>(0)] { kernels::shape_of<int32_t>(in, output); };
}

// Inputs: indices, depth, on_value, off_value (one value each, read when the
// op runs); depth is the output's dim at the axis.
BoundKernel bind_OneHot(const Operands &ops) {
  const int32_t axis = ops.options<ir::OneHotOptions>().axis;
  const ir::Shape &out = ops.output_shape(0);
  const kernels::OneHotParams params{
      out.at(axis == -1 ? out.size() - 1 : static_cast<size_t>(axis)), axis};
  return by_element_type(ops, ops.output_dtype(0), [&]<typename T>() -> BoundKernel {
    return by_index_type(ops, 0, [&]<typename I>() -> BoundKernel {
      return [=, in = ops.input_shape(0), indices = ops.input<I>(0), on = ops.input<T>(2),
              off = ops.input<T>(3), output = ops.output<T>(0)] {
        kernels::one_hot<T, I>(params, in, indices, *on, *off, output);
      };
    });
  });
}

} // namespace qgold::interp
