// Ops that move values without arithmetic: Concatenation, Split, Reshape, Pad.
#include "interp/binders.h"
#include "interp/kernels/concatenation.h"
#include "interp/kernels/pad.h"
#include "interp/kernels/reshape.h"
#include "interp/kernels/split.h"

namespace qgold::interp {

BoundKernel bind_Concatenation(const Operands &ops) {
  const auto &opt = ops.options<ir::ConcatenationOptions>();
  std::vector<ir::Shape> shapes;
  std::vector<const float *> inputs;
  for (size_t i = 0; i < ops.op().inputs.size(); ++i) {
    shapes.push_back(ops.input_shape(i));
    inputs.push_back(ops.input<float>(i));
  }
  const kernels::ConcatenationParams params{opt.axis, opt.activation};
  return [=, out = ops.output_shape(0), output = ops.output<float>(0)] {
    kernels::concatenation(params, shapes, inputs, out, output);
  };
}

// Inputs: axis (int32 scalar constant), input.
BoundKernel bind_Split(const Operands &ops) {
  std::vector<float *> outputs;
  for (size_t p = 0; p < ops.op().outputs.size(); ++p)
    outputs.push_back(ops.output<float>(p));
  return [=, axis = ops.int32_constant(0).at(0), in = ops.input_shape(1),
          input = ops.input<float>(1)] { kernels::split(axis, in, input, outputs); };
}

// The optional second input (the shape) is read by shape inference only.
BoundKernel bind_Reshape(const Operands &ops) {
  return [in = ops.input_shape(0), input = ops.input<float>(0), output = ops.output<float>(0)] {
    kernels::reshape(in, input, output);
  };
}

BoundKernel bind_Pad(const Operands &ops) {
  return [in = ops.input_shape(0), paddings = ops.int32_constant(1), out = ops.output_shape(0),
          input = ops.input<float>(0), output = ops.output<float>(0)] {
    kernels::pad(in, input, paddings, out, output);
  };
}


BoundKernel bind_Transpose(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Gather(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Slice(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_StridedSlice(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Squeeze(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_ExpandDims(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Pack(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Unpack(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_SplitV(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Tile(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_PadV2(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_MirrorPad(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_DepthToSpace(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_SpaceToDepth(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_BatchToSpaceND(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_SpaceToBatchND(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_Shape(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_OneHot(const Operands &ops) { no_float_kernel_yet(ops); }

} // namespace qgold::interp
