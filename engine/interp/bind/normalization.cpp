// Softmax, LogSoftmax and the normalizations (InstanceNorm, L2Normalize,
// LocalResponseNormalization).
#include "interp/binders.h"
#include "interp/kernels/instance_norm.h"
#include "interp/kernels/l2_normalize.h"
#include "interp/kernels/local_response_normalization.h"
#include "interp/kernels/log_softmax.h"
#include "interp/kernels/softmax.h"

namespace qgold::interp {

BoundKernel bind_Softmax(const Operands &ops) {
  const kernels::SoftmaxParams params{ops.options<ir::SoftmaxOptions>().beta};
  return [=, shape = ops.input_shape(0), input = ops.input<float>(0),
          output = ops.output<float>(0)] { kernels::softmax(params, shape, input, output); };
}

// gamma and beta hold one value per channel, or one for all (shape inference checks it).
BoundKernel bind_InstanceNorm(const Operands &ops) {
  const auto &opt = ops.options<ir::InstanceNormOptions>();
  const kernels::InstanceNormParams params{opt.epsilon, opt.activation};
  return [=, in = ops.input_shape(0), gamma_count = ir::num_elements(ops.input_shape(1)),
          beta_count = ir::num_elements(ops.input_shape(2)), input = ops.input<float>(0),
          gamma = ops.input<float>(1), beta = ops.input<float>(2), output = ops.output<float>(0)] {
    kernels::instance_norm(params, in, input, gamma_count, gamma, beta_count, beta, output);
  };
}

BoundKernel bind_LogSoftmax(const Operands &ops) {
  return [shape = ops.input_shape(0), input = ops.input<float>(0),
          output = ops.output<float>(0)] { kernels::log_softmax(shape, input, output); };
}

// Shape inference refuses a fused activation, as TFLite does.
BoundKernel bind_L2Normalize(const Operands &ops) {
  return [shape = ops.input_shape(0), input = ops.input<float>(0),
          output = ops.output<float>(0)] { kernels::l2_normalize(shape, input, output); };
}

BoundKernel bind_LocalResponseNormalization(const Operands &ops) {
  const auto &opt = ops.options<ir::LocalResponseNormalizationOptions>();
  const kernels::LocalResponseNormalizationParams params{opt.radius, opt.bias, opt.alpha,
                                                         opt.beta};
  return [=, shape = ops.input_shape(0), input = ops.input<float>(0),
          output = ops.output<float>(0)] {
    kernels::local_response_normalization(params, shape, input, output);
  };
}

} // namespace qgold::interp
