// Softmax and InstanceNorm on integers.
#include "interp/bind_quantized/quant_operands.h"
#include "interp/binders_quantized.h"
#include "interp/kernels/quantized/instance_norm.h"
#include "interp/kernels/quantized/softmax.h"

#include <cmath>

namespace qgold::interp {

namespace q = kernels::quantized;

BoundKernel bind_quantized_Softmax(const Operands &ops) {
  const float beta = ops.options<ir::SoftmaxOptions>().beta;
  const ir::DType dtype = ops.output_info(0).dtype;
  const QuantInfo in = input_quant(ops, 0), out = output_quant(ops, 0);
  // TFLite's int16 kernel writes [0, 32767] for [0, 1]: it needs zero point 0
  // and (within its Prepare's tolerance) scale 1/32768.
  if (dtype == ir::DType::Int16 &&
      (out.zero_point != 0 || std::abs(out.scale - 1.0f / 32768.0f) > 0.001f / 32768.0f))
    ops.fail(fmt::format("an int16 Softmax needs output zero point 0 and scale 1/32768 (TFLite's "
                         "kernel); got {} {}",
                         out.scale, out.zero_point));
  return with_code_type(ops, dtype, [&]<typename T>() -> BoundKernel {
    const q::SoftmaxQuant quant = q::softmax_quant<T>(in, out, beta);
    return [=, shape = ops.input_shape(0), input = ops.input<T>(0), output = ops.output<T>(0)] {
      q::softmax(quant, shape, input, output);
    };
  });
}

// gamma and beta hold one value per channel, or one for all (shape inference checks it).
BoundKernel bind_quantized_InstanceNorm(const Operands &ops) {
  const auto &opt = ops.options<ir::InstanceNormOptions>();
  const kernels::InstanceNormParams params{opt.epsilon, opt.activation};
  q::InstanceNormQuant quant;
  quant.input = input_quant(ops, 0);
  quant.output = output_quant(ops, 0);
  for (size_t slot : {size_t{1}, size_t{2}}) {
    const ir::Shape &shape = ops.input_shape(slot);
    const int64_t count = ir::num_elements(shape);
    const int32_t last = shape.empty() ? 0 : static_cast<int32_t>(shape.size()) - 1;
    (slot == 1 ? quant.gamma : quant.beta) = channel_quant(ops, slot, count, last);
  }
  quant.output_range = output_activation_range(ops, opt.activation);
  return with_code_type(ops, ops.output_info(0).dtype, [&]<typename T>() -> BoundKernel {
    return [=, in = ops.input_shape(0), gamma_count = ir::num_elements(ops.input_shape(1)),
            beta_count = ir::num_elements(ops.input_shape(2)), input = ops.input<T>(0),
            gamma = ops.input<T>(1), beta = ops.input<T>(2), output = ops.output<T>(0)] {
      q::instance_norm(params, quant, in, input, gamma_count, gamma, beta_count, beta, output);
    };
  });
}

} // namespace qgold::interp
