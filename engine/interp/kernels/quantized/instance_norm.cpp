#include "interp/kernels/quantized/instance_norm.h"

#include "interp/kernels/quantized/dequantize.h"
#include "interp/kernels/quantized/quantize.h"

namespace qgold::interp::kernels::quantized {
namespace {

template <typename T>
std::vector<float> dequantized(std::span<const QuantInfo> quant, int64_t count, const T *codes) {
  std::vector<float> values(static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i)
    dequantize(quant[quant.size() == 1 ? 0 : static_cast<size_t>(i)], 1, codes + i,
               values.data() + i);
  return values;
}

} // namespace

template <typename T>
void instance_norm(const InstanceNormParams &params, const InstanceNormQuant &quant,
                   const ir::Shape &input_shape, const T *input, int64_t gamma_count,
                   const T *gamma, int64_t beta_count, const T *beta, T *output) {
  const int64_t count = ir::num_elements(input_shape);
  const std::vector<float> x = dequantized<T>({&quant.input, 1}, count, input);
  const std::vector<float> g = dequantized<T>(quant.gamma, gamma_count, gamma);
  const std::vector<float> b = dequantized<T>(quant.beta, beta_count, beta);
  std::vector<float> y(static_cast<size_t>(count));
  InstanceNormParams plain = params;
  plain.activation = ir::Activation::None; // the activation is output_range
  kernels::instance_norm(plain, input_shape, x.data(), gamma_count, g.data(), beta_count, b.data(),
                         y.data());
  quantize(quant.output, quant.output_range, count, y.data(), output);
}

template void instance_norm(const InstanceNormParams &, const InstanceNormQuant &,
                            const ir::Shape &, const uint8_t *, int64_t, const uint8_t *, int64_t,
                            const uint8_t *, uint8_t *);
template void instance_norm(const InstanceNormParams &, const InstanceNormQuant &,
                            const ir::Shape &, const int8_t *, int64_t, const int8_t *, int64_t,
                            const int8_t *, int8_t *);
template void instance_norm(const InstanceNormParams &, const InstanceNormQuant &,
                            const ir::Shape &, const int16_t *, int64_t, const int16_t *, int64_t,
                            const int16_t *, int16_t *);

} // namespace qgold::interp::kernels::quantized
