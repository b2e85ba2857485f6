// BatchMatMul and ResizeBilinear on integers (kernels/quantized/batch_matmul.h,
// resize_bilinear.h).
#include "interp/bind_quantized/quant_operands.h"
#include "interp/binders_quantized.h"
#include "interp/kernels/quantized/batch_matmul.h"
#include "interp/kernels/quantized/quantize.h"
#include "interp/kernels/quantized/resize_bilinear.h"

#include <fmt/format.h>

namespace qgold::interp {

namespace q = kernels::quantized;

// Both operands and the output of one code type, clamped to its codes
// (int16: ONE's symmetric range).
BoundKernel bind_quantized_BatchMatMul(const Operands &ops) {
  const ir::DType dtype = ops.output_info(0).dtype;
  const auto &opt = ops.options<ir::BatchMatMulOptions>();
  const kernels::BatchMatMulParams params{opt.adj_x, opt.adj_y};
  const q::BatchMatMulQuant quant = q::batch_matmul_quant(
      input_quant(ops, 0), input_quant(ops, 1), output_quant(ops, 0), q::storage_range(dtype));
  return with_code_type(ops, dtype, [&]<typename T>() -> BoundKernel {
    return [=, lhs_shape = ops.input_shape(0), rhs_shape = ops.input_shape(1),
            out_shape = ops.output_shape(0), lhs = ops.input<T>(0), rhs = ops.input<T>(1),
            output = ops.output<T>(0)] {
      q::batch_matmul(quant, params, lhs_shape, lhs, rhs_shape, rhs, out_shape, output);
    };
  });
}

// The size input only shapes the output. TFLite interpolates the codes and
// assumes the output shares the input's parameters; where ONE gave the output
// its own, the codes are requantized to it (docs/integer-inference.md).
BoundKernel bind_quantized_ResizeBilinear(const Operands &ops) {
  const ir::DType dtype = ops.input_info(0).dtype;
  if (ops.output_info(0).dtype != dtype)
    ops.fail(fmt::format("the output is {}, its input {}", ir::dtype_name(ops.output_info(0).dtype),
                         ir::dtype_name(dtype)));
  const auto &opt = ops.options<ir::ResizeBilinearOptions>();
  const kernels::ResizeBilinearParams params{opt.align_corners, opt.half_pixel_centers};
  const q::Requantization requant =
      q::requantization(input_quant(ops, 0), output_quant(ops, 0), q::full_range(dtype));
  return with_code_type(ops, dtype, [&]<typename T>() -> BoundKernel {
    return [=, in = ops.input_shape(0), out = ops.output_shape(0), input = ops.input<T>(0),
            output = ops.output<T>(0)] {
      q::resize_bilinear<T>(params, in, input, out, output);
      if (!requant.identity)
        q::requantize(requant, ir::num_elements(out), output, output);
    };
  });
}

} // namespace qgold::interp
