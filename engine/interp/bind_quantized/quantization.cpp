// Quantize (float -> integer, or integer -> integer requantization) and
// Dequantize (integer -> float): the boundaries of the quantized parts of a
// model (mixed precision, float model inputs or outputs).
#include "interp/bind_quantized/quant_operands.h"
#include "interp/binders.h"
#include "interp/binders_quantized.h"
#include "interp/kernels/quantized/dequantize.h"
#include "interp/kernels/quantized/quantize.h"

#include <cmath>

namespace qgold::interp {

namespace q = kernels::quantized;

BoundKernel bind_quantized_Quantize(const Operands &ops) {
  const ir::DType in_dtype = ops.input_info(0).dtype;
  const ir::DType out_dtype = ops.output_info(0).dtype;
  const QuantInfo out = output_quant(ops, 0);
  const IntRange range = q::full_range(out_dtype);
  return with_code_type(ops, out_dtype, [&]<typename Out>() -> BoundKernel {
    if (in_dtype == ir::DType::Float32) {
      // NaN has no code: TFLite's cast of round(NaN) is undefined.
      return [=, count = ir::num_elements(ops.input_shape(0)), input = ops.input<float>(0),
              output = ops.output<Out>(0), label = ops.label()] {
        for (int64_t i = 0; i < count; ++i)
          if (std::isnan(input[i]))
            throw InputError(fmt::format("{}: input element {} is NaN, which has no code", label, i));
        q::quantize(out, range, count, input, output);
      };
    }
    const q::Requantization requant = q::requantization(input_quant(ops, 0), out, range);
    return with_code_type(ops, in_dtype, [&]<typename In>() -> BoundKernel {
      return [=, count = ir::num_elements(ops.input_shape(0)), input = ops.input<In>(0),
              output = ops.output<Out>(0)] { q::requantize(requant, count, input, output); };
    });
  });
}

BoundKernel bind_quantized_Dequantize(const Operands &ops) {
  const ir::DType dtype = ops.input_info(0).dtype;
  const QuantInfo in = input_quant(ops, 0);
  return with_code_type(ops, dtype, [&]<typename T>() -> BoundKernel {
    return [=, count = ir::num_elements(ops.input_shape(0)), input = ops.input<T>(0),
            output = ops.output<float>(0)] { q::dequantize(in, count, input, output); };
  });
}

BoundKernel bind_quantized_Densify(const Operands &ops) { refuse_unfolded_densify(ops); }

} // namespace qgold::interp
