// Ops that move codes: Concatenation, Split, Reshape, Pad. Where an output's
// parameters differ from its input's the codes are requantized (see each kernel).
#include "interp/bind_quantized/quant_operands.h"
#include "interp/binders_quantized.h"
#include "interp/kernels/quantized/concatenation.h"
#include "interp/kernels/quantized/pad.h"
#include "interp/kernels/quantized/reshape.h"
#include "interp/kernels/quantized/split.h"

namespace qgold::interp {
namespace {

namespace q = kernels::quantized;

// Requantization from input `slot` to output `output`, clamped to the output's dtype.
q::Requantization requantization(const Operands &ops, size_t slot, size_t output) {
  return q::requantization(input_quant(ops, slot), output_quant(ops, output),
                           q::full_range(ops.output_info(output).dtype));
}

} // namespace

BoundKernel bind_quantized_Concatenation(const Operands &ops) {
  const auto &opt = ops.options<ir::ConcatenationOptions>();
  std::vector<ir::Shape> shapes;
  std::vector<QuantInfo> quant;
  for (size_t i = 0; i < ops.op().inputs.size(); ++i) {
    shapes.push_back(ops.input_shape(i));
    quant.push_back(input_quant(ops, i));
  }
  const ir::DType dtype = ops.output_info(0).dtype;
  const QuantInfo out_quant = output_quant(ops, 0);
  const IntRange range = output_activation_range(ops, opt.activation);
  return with_code_type(ops, dtype, [&]<typename T>() -> BoundKernel {
    std::vector<const T *> inputs;
    for (size_t i = 0; i < ops.op().inputs.size(); ++i)
      inputs.push_back(ops.input<T>(i));
    return [=, axis = opt.axis, out = ops.output_shape(0), output = ops.output<T>(0)] {
      q::concatenation<T>(axis, quant, out_quant, range, shapes, inputs, out, output);
    };
  });
}

// Inputs: axis (int32 scalar constant), input.
BoundKernel bind_quantized_Split(const Operands &ops) {
  std::vector<q::Requantization> requants;
  for (size_t p = 0; p < ops.op().outputs.size(); ++p)
    requants.push_back(requantization(ops, 1, p));
  return with_code_type(ops, ops.input_info(1).dtype, [&]<typename T>() -> BoundKernel {
    std::vector<T *> outputs;
    for (size_t p = 0; p < ops.op().outputs.size(); ++p)
      outputs.push_back(ops.output<T>(p));
    return [=, axis = ops.int32_constant(0).at(0), in = ops.input_shape(1),
            input = ops.input<T>(1)] { q::split<T>(axis, requants, in, input, outputs); };
  });
}

// The optional second input (the shape) is read by shape inference only.
BoundKernel bind_quantized_Reshape(const Operands &ops) {
  const q::Requantization requant = requantization(ops, 0, 0);
  return with_code_type(ops, ops.output_info(0).dtype, [&]<typename T>() -> BoundKernel {
    return [=, count = ir::num_elements(ops.input_shape(0)), input = ops.input<T>(0),
            output = ops.output<T>(0)] { q::reshape(requant, count, input, output); };
  });
}

BoundKernel bind_quantized_Pad(const Operands &ops) {
  const q::Requantization requant = requantization(ops, 0, 0);
  const int32_t zero_point = input_quant(ops, 0).zero_point;
  return with_code_type(ops, ops.output_info(0).dtype, [&]<typename T>() -> BoundKernel {
    return [=, in = ops.input_shape(0), paddings = ops.int32_constant(1),
            out = ops.output_shape(0), input = ops.input<T>(0), output = ops.output<T>(0)] {
      q::pad(requant, zero_point, in, input, paddings, out, output);
    };
  });
}

} // namespace qgold::interp
