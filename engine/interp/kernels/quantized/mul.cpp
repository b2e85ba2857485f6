#include "interp/kernels/quantized/mul.h"

#include "interp/kernels/broadcast.h"

namespace qgold::interp::kernels::quantized {

MulQuant mul_quant(const QuantInfo &input1, const QuantInfo &input2, const QuantInfo &output,
                   ir::DType dtype, IntRange output_range) {
  const double real = dtype == ir::DType::Int16
                          ? static_cast<double>(input1.scale) * static_cast<double>(input2.scale) /
                                static_cast<double>(output.scale)
                          : static_cast<double>(input1.scale * input2.scale / output.scale);
  return {input1.zero_point, input2.zero_point, quantize_multiplier(real), output.zero_point,
          output_range};
}

template <typename T>
void mul(const MulQuant &q, const ir::Shape &x_shape, const T *x, const ir::Shape &y_shape,
         const T *y, const ir::Shape &out_shape, T *out) {
  broadcast_binary(x_shape, x, y_shape, y, out_shape, out, [&](T a, T b) {
    const int32_t product = (a - q.input1_zero_point) * (b - q.input2_zero_point);
    return static_cast<T>(q.output_range.clamp(q.output_zero_point + multiply(product, q.output)));
  });
}

template void mul(const MulQuant &, const ir::Shape &, const uint8_t *, const ir::Shape &,
                  const uint8_t *, const ir::Shape &, uint8_t *);
template void mul(const MulQuant &, const ir::Shape &, const int8_t *, const ir::Shape &,
                  const int8_t *, const ir::Shape &, int8_t *);
template void mul(const MulQuant &, const ir::Shape &, const int16_t *, const ir::Shape &,
                  const int16_t *, const ir::Shape &, int16_t *);

} // namespace qgold::interp::kernels::quantized
