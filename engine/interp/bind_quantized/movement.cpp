// Data-movement ops on quantized codes. Each runs the dtype-generic kernel of
// kernels/ (the float interpreter's, instantiated for uint8/int8/int16 codes):
// TFLite's quantized kernels for these ops move codes and assume the output
// has the input's scale and zero point (ONE forwards them for Gather,
// StridedSlice, Unpack and SplitV). Where ONE gave the output its own range,
// the moved codes are then requantized to it (TFLite's Requantize, the
// identity when the parameters agree), as Reshape, Split and Pad do
// (docs/integer-inference.md, "Where qgold chose").
#include "interp/bind_quantized/quant_operands.h"
#include "interp/binders_quantized.h"
#include "interp/kernels/batch_to_space_nd.h"
#include "interp/kernels/depth_to_space.h"
#include "interp/kernels/gather.h"
#include "interp/kernels/mirror_pad.h"
#include "interp/kernels/one_hot.h"
#include "interp/kernels/pad.h"
#include "interp/kernels/quantized/concatenation.h"
#include "interp/kernels/quantized/quantize.h"
#include "interp/kernels/reshape.h"
#include "interp/kernels/shape_of.h"
#include "interp/kernels/slice.h"
#include "interp/kernels/space_to_batch_nd.h"
#include "interp/kernels/space_to_depth.h"
#include "interp/kernels/split_v.h"
#include "interp/kernels/strided_slice.h"
#include "interp/kernels/tile.h"
#include "interp/kernels/transpose.h"
#include "interp/kernels/unpack.h"
#include "ir/error.h"

#include <fmt/format.h>

namespace qgold::interp {
namespace {

namespace q = kernels::quantized;

q::Requantization requantization(const Operands &ops, size_t slot, size_t output) {
  return q::requantization(input_quant(ops, slot), output_quant(ops, output),
                           q::full_range(ops.output_info(output).dtype));
}

// Binds an op that moves the codes of input `in` to its outputs (all of the
// input's dtype): `move.template operator()<T>(outputs)` returns the kernel
// writing them in the input's parameters; each output whose own parameters
// differ is then requantized in place.
template <typename Move> BoundKernel bind_moved(const Operands &ops, size_t in, Move move) {
  const ir::DType dtype = ops.input_info(in).dtype;
  std::vector<q::Requantization> requants;
  std::vector<int64_t> counts;
  for (size_t p = 0; p < ops.op().outputs.size(); ++p) {
    if (ops.output_info(p).dtype != dtype)
      ops.fail(fmt::format("output {} is {}, its input {}", p,
                           ir::dtype_name(ops.output_info(p).dtype), ir::dtype_name(dtype)));
    requants.push_back(requantization(ops, in, p));
    counts.push_back(ir::num_elements(ops.output_shape(p)));
  }
  return with_code_type(ops, dtype, [&]<typename T>() -> BoundKernel {
    std::vector<T *> outputs;
    for (size_t p = 0; p < ops.op().outputs.size(); ++p)
      outputs.push_back(ops.output<T>(p));
    return [=, kernel = move.template operator()<T>(outputs)] {
      kernel();
      for (size_t p = 0; p < outputs.size(); ++p)
        if (!requants[p].identity)
          q::requantize(requants[p], counts[p], outputs[p], outputs[p]);
    };
  });
}

// Squeeze and ExpandDims: the same codes in the same order.
BoundKernel bind_copy(const Operands &ops) {
  return bind_moved(ops, 0, [&]<typename T>(std::vector<T *> out) -> BoundKernel {
    return [in = ops.input_shape(0), input = ops.input<T>(0), output = out[0]] {
      kernels::reshape(in, input, output);
    };
  });
}

} // namespace

BoundKernel bind_quantized_Transpose(const Operands &ops) {
  return bind_moved(ops, 0, [&]<typename T>(std::vector<T *> out) -> BoundKernel {
    return [in = ops.input_shape(0), perm = ops.int32_constant(1), input = ops.input<T>(0),
            output = out[0]] { kernels::transpose<T>(in, perm, input, output); };
  });
}

// Inputs: params (quantized), indices (int32 or int64). ONE's output takes
// the params' parameters.
BoundKernel bind_quantized_Gather(const Operands &ops) {
  const auto &opt = ops.options<ir::GatherOptions>();
  const kernels::GatherParams params{opt.axis, opt.batch_dims};
  const ir::Shape &in = ops.input_shape(0);
  const int32_t rank = static_cast<int32_t>(in.size());
  const int32_t axis_size = in.at(static_cast<size_t>(opt.axis < 0 ? opt.axis + rank : opt.axis));
  const bool wide = ops.input_dtype(1) == ir::DType::Int64;
  return bind_moved(ops, 0, [&]<typename T>(std::vector<T *> out) -> BoundKernel {
    auto bind = [&]<typename I>() -> BoundKernel {
      return [=, label = ops.label(), indices_shape = ops.input_shape(1), input = ops.input<T>(0),
              indices = ops.input<I>(1), output = out[0]] {
        const auto bad = kernels::gather<T, I>(params, in, input, indices_shape, indices, output);
        if (bad)
          throw InputError(fmt::format("{}: index {} (element {} of the indices) is outside the "
                                       "gathered axis [0, {})",
                                       label, bad->value, bad->position, axis_size));
      };
    };
    return wide ? bind.template operator()<int64_t>() : bind.template operator()<int32_t>();
  });
}

BoundKernel bind_quantized_Slice(const Operands &ops) {
  return bind_moved(ops, 0, [&]<typename T>(std::vector<T *> out) -> BoundKernel {
    return [in = ops.input_shape(0), begin = ops.int32_constant(1), shape = ops.output_shape(0),
            input = ops.input<T>(0), output = out[0]] {
      kernels::slice<T>(in, begin, shape, input, output);
    };
  });
}

BoundKernel bind_quantized_StridedSlice(const Operands &ops) {
  const auto &opt = ops.options<ir::StridedSliceOptions>();
  const ir::StridedSliceSpec spec{ops.int32_constant(1), ops.int32_constant(2),
                                  ops.int32_constant(3), opt.begin_mask, opt.end_mask,
                                  opt.ellipsis_mask, opt.new_axis_mask, opt.shrink_axis_mask};
  std::string error;
  const ir::StridedSliceGeometry geometry =
      ir::strided_slice_geometry(ops.input_shape(0), spec, error);
  if (!error.empty())
    ops.fail(error);
  return bind_moved(ops, 0, [&]<typename T>(std::vector<T *> out) -> BoundKernel {
    return [geometry, input = ops.input<T>(0), output = out[0]] {
      kernels::strided_slice<T>(geometry, input, output);
    };
  });
}

BoundKernel bind_quantized_Squeeze(const Operands &ops) { return bind_copy(ops); }
BoundKernel bind_quantized_ExpandDims(const Operands &ops) { return bind_copy(ops); }

// Pack is a Concatenation of the inputs, each viewed with a 1 at `axis`:
// TFLite's Pack copies codes and requires the inputs to share the output's
// parameters; an input with others (ONE's backward propagation reaches only
// single-reader inputs) is rescaled as Concatenation rescales it.
BoundKernel bind_quantized_Pack(const Operands &ops) {
  int32_t axis = ops.options<ir::PackOptions>().axis;
  const ir::Shape &out = ops.output_shape(0);
  if (axis < 0)
    axis += static_cast<int32_t>(out.size());
  std::vector<ir::Shape> shapes;
  std::vector<QuantInfo> quant;
  for (size_t i = 0; i < ops.op().inputs.size(); ++i) {
    ir::Shape shape = ops.input_shape(i);
    shape.insert(shape.begin() + axis, 1);
    shapes.push_back(std::move(shape));
    quant.push_back(input_quant(ops, i));
  }
  const ir::DType dtype = ops.output_info(0).dtype;
  const QuantInfo out_quant = output_quant(ops, 0);
  return with_code_type(ops, dtype, [&]<typename T>() -> BoundKernel {
    std::vector<const T *> inputs;
    for (size_t i = 0; i < ops.op().inputs.size(); ++i) {
      if (ops.input_info(i).dtype != dtype)
        ops.fail(fmt::format("input {} is {}, the output {}", i,
                             ir::dtype_name(ops.input_info(i).dtype), ir::dtype_name(dtype)));
      inputs.push_back(ops.input<T>(i));
    }
    return [=, range = q::full_range(dtype), output = ops.output<T>(0)] {
      q::concatenation<T>(axis, quant, out_quant, range, shapes, inputs, out, output);
    };
  });
}

BoundKernel bind_quantized_Unpack(const Operands &ops) {
  const int32_t axis = ops.options<ir::UnpackOptions>().axis;
  return bind_moved(ops, 0, [&]<typename T>(std::vector<T *> out) -> BoundKernel {
    return [=, in = ops.input_shape(0), input = ops.input<T>(0)] {
      kernels::unpack<T>(axis, in, input, out);
    };
  });
}

// Inputs: input, size_splits, axis; the part sizes are the outputs' dims.
BoundKernel bind_quantized_SplitV(const Operands &ops) {
  const ir::Shape &in = ops.input_shape(0);
  int32_t axis = ops.int32_constant(2).at(0);
  if (axis < 0)
    axis += static_cast<int32_t>(in.size());
  std::vector<int32_t> sizes;
  for (size_t p = 0; p < ops.op().outputs.size(); ++p)
    sizes.push_back(ops.output_shape(p).at(static_cast<size_t>(axis)));
  return bind_moved(ops, 0, [&]<typename T>(std::vector<T *> out) -> BoundKernel {
    return [=, input = ops.input<T>(0)] { kernels::split_v<T>(axis, in, sizes, input, out); };
  });
}

BoundKernel bind_quantized_Tile(const Operands &ops) {
  return bind_moved(ops, 0, [&]<typename T>(std::vector<T *> out) -> BoundKernel {
    return [in = ops.input_shape(0), shape = ops.output_shape(0), input = ops.input<T>(0),
            output = out[0]] { kernels::tile<T>(in, input, shape, output); };
  });
}

// Inputs: input, paddings, constant_values (one code, read when the op runs).
// TFLite pads with the constant's code and requires it, the input and the
// output to share parameters (ONE pushes the output's back to both); qgold
// pads with the constant requantized to the input's parameters.
BoundKernel bind_quantized_PadV2(const Operands &ops) {
  const q::Requantization to_input =
      q::requantization(input_quant(ops, 2), input_quant(ops, 0),
                        q::full_range(ops.input_info(0).dtype));
  if (ops.input_info(2).dtype != ops.input_info(0).dtype)
    ops.fail(fmt::format("constant_values is {}, the input {}",
                         ir::dtype_name(ops.input_info(2).dtype),
                         ir::dtype_name(ops.input_info(0).dtype)));
  return bind_moved(ops, 0, [&]<typename T>(std::vector<T *> out) -> BoundKernel {
    return [=, in = ops.input_shape(0), paddings = ops.int32_constant(1),
            shape = ops.output_shape(0), input = ops.input<T>(0), value = ops.input<T>(2),
            output = out[0]] {
      const T pad = static_cast<T>(q::requantize(*value, to_input));
      kernels::pad<T>(in, input, paddings, pad, shape, output);
    };
  });
}

BoundKernel bind_quantized_MirrorPad(const Operands &ops) {
  const ir::MirrorPadMode mode = ops.options<ir::MirrorPadOptions>().mode;
  return bind_moved(ops, 0, [&]<typename T>(std::vector<T *> out) -> BoundKernel {
    return [mode, in = ops.input_shape(0), paddings = ops.int32_constant(1),
            shape = ops.output_shape(0), input = ops.input<T>(0), output = out[0]] {
      kernels::mirror_pad<T>(mode, in, input, paddings, shape, output);
    };
  });
}

BoundKernel bind_quantized_DepthToSpace(const Operands &ops) {
  const int32_t block = ops.options<ir::BlockSizeOptions>().block_size;
  return bind_moved(ops, 0, [&]<typename T>(std::vector<T *> out) -> BoundKernel {
    return [block, in = ops.input_shape(0), shape = ops.output_shape(0), input = ops.input<T>(0),
            output = out[0]] { kernels::depth_to_space<T>(block, in, input, shape, output); };
  });
}

BoundKernel bind_quantized_SpaceToDepth(const Operands &ops) {
  const int32_t block = ops.options<ir::BlockSizeOptions>().block_size;
  return bind_moved(ops, 0, [&]<typename T>(std::vector<T *> out) -> BoundKernel {
    return [block, in = ops.input_shape(0), shape = ops.output_shape(0), input = ops.input<T>(0),
            output = out[0]] { kernels::space_to_depth<T>(block, in, input, shape, output); };
  });
}

BoundKernel bind_quantized_BatchToSpaceND(const Operands &ops) {
  return bind_moved(ops, 0, [&]<typename T>(std::vector<T *> out) -> BoundKernel {
    return [in = ops.input_shape(0), block = ops.int32_constant(1), crops = ops.int32_constant(2),
            shape = ops.output_shape(0), input = ops.input<T>(0), output = out[0]] {
      kernels::batch_to_space_nd<T>(in, input, block, crops, shape, output);
    };
  });
}

// TFLite pads with the output's zero point; qgold pads with the input's and
// requantizes, which is the same code.
BoundKernel bind_quantized_SpaceToBatchND(const Operands &ops) {
  const int32_t zero_point = input_quant(ops, 0).zero_point;
  return bind_moved(ops, 0, [&]<typename T>(std::vector<T *> out) -> BoundKernel {
    return [zero_point, in = ops.input_shape(0), block = ops.int32_constant(1),
            paddings = ops.int32_constant(2), shape = ops.output_shape(0),
            input = ops.input<T>(0), output = out[0]] {
      kernels::space_to_batch_nd<T>(in, input, block, paddings, shape, output,
                                    static_cast<T>(zero_point));
    };
  });
}

// Only the quantized input's shape is read; the int32/int64 output is exact.
BoundKernel bind_quantized_Shape(const Operands &ops) {
  const ir::Shape in = ops.input_shape(0);
  if (ops.output_dtype(0) == ir::DType::Int64)
    return [in, output = ops.output<int64_t>(0)] { kernels::shape_of<int64_t>(in, output); };
  return [in, output = ops.output<int32_t>(0)] { kernels::shape_of<int32_t>(in, output); };
}

// Inputs: indices, depth, on_value, off_value (one code each, read when the
// op runs). TFLite copies the two codes (they share the output's parameters:
// ONE pushes the output's back to them); qgold requantizes each to the output's.
BoundKernel bind_quantized_OneHot(const Operands &ops) {
  const int32_t axis = ops.options<ir::OneHotOptions>().axis;
  const ir::Shape &shape = ops.output_shape(0);
  const kernels::OneHotParams params{
      shape.at(axis == -1 ? shape.size() - 1 : static_cast<size_t>(axis)), axis};
  const q::Requantization on_requant = requantization(ops, 2, 0);
  const q::Requantization off_requant = requantization(ops, 3, 0);
  const ir::DType dtype = ops.output_info(0).dtype;
  for (size_t slot : {size_t{2}, size_t{3}})
    if (ops.input_info(slot).dtype != dtype)
      ops.fail(fmt::format("input {} is {}, the output {}", slot,
                           ir::dtype_name(ops.input_info(slot).dtype), ir::dtype_name(dtype)));
  const bool wide = ops.input_dtype(0) == ir::DType::Int64;
  return with_code_type(ops, dtype, [&]<typename T>() -> BoundKernel {
    auto bind = [&]<typename I>() -> BoundKernel {
      return [=, in = ops.input_shape(0), indices = ops.input<I>(0), on = ops.input<T>(2),
              off = ops.input<T>(3), output = ops.output<T>(0)] {
        kernels::one_hot<T, I>(params, in, indices, static_cast<T>(q::requantize(*on, on_requant)),
                               static_cast<T>(q::requantize(*off, off_requant)), output);
      };
    };
    return wide ? bind.template operator()<int64_t>() : bind.template operator()<int32_t>();
  });
}

} // namespace qgold::interp
