#include "interp/kernels/quantized/add.h"

#include "interp/kernels/broadcast.h"

#include <algorithm>

namespace qgold::interp::kernels::quantized {

int add_left_shift(ir::DType dtype) { return dtype == ir::DType::Int16 ? 12 : 20; }

AddQuant add_quant(const QuantInfo &input1, const QuantInfo &input2, const QuantInfo &output,
                   int left_shift, IntRange output_range) {
  const double twice_max = 2.0 * static_cast<double>(std::max(input1.scale, input2.scale));
  AddQuant q;
  q.input1_zero_point = input1.zero_point;
  q.input2_zero_point = input2.zero_point;
  q.left_shift = left_shift;
  q.input1 = quantize_multiplier(static_cast<double>(input1.scale) / twice_max);
  q.input2 = quantize_multiplier(static_cast<double>(input2.scale) / twice_max);
  q.output = quantize_multiplier(
      twice_max / (static_cast<double>(1 << left_shift) * static_cast<double>(output.scale)));
  q.output_zero_point = output.zero_point;
  q.output_range = output_range;
  return q;
}

template <typename T>
void add(const AddQuant &q, const ir::Shape &x_shape, const T *x, const ir::Shape &y_shape,
         const T *y, const ir::Shape &out_shape, T *out) {
  broadcast_binary(x_shape, x, y_shape, y, out_shape, out, [&](T a, T b) {
    const int32_t sum = add_operand(a, q.input1_zero_point, q.left_shift, q.input1) +
                        add_operand(b, q.input2_zero_point, q.left_shift, q.input2);
    return static_cast<T>(add_output(sum, q));
  });
}

template void add(const AddQuant &, const ir::Shape &, const uint8_t *, const ir::Shape &,
                  const uint8_t *, const ir::Shape &, uint8_t *);
template void add(const AddQuant &, const ir::Shape &, const int8_t *, const ir::Shape &,
                  const int8_t *, const ir::Shape &, int8_t *);
template void add(const AddQuant &, const ir::Shape &, const int16_t *, const ir::Shape &,
                  const int16_t *, const ir::Shape &, int16_t *);

} // namespace qgold::interp::kernels::quantized
