#include "interp/kernels/quantized/pad.h"

#include <vector>

namespace qgold::interp::kernels::quantized {

template <typename T>
void pad(const Requantization &requant, int32_t input_zero_point, const ir::Shape &input_shape,
         const T *input, std::span<const int32_t> paddings, const ir::Shape &output_shape,
         T *output) {
  const size_t rank = output_shape.size();
  const int64_t count = ir::num_elements(output_shape);
  std::vector<int32_t> index(rank, 0);
  for (int64_t o = 0; o < count; ++o) {
    int64_t in_offset = 0;
    bool inside = true;
    for (size_t d = 0; d < rank && inside; ++d) {
      const int32_t i = index[d] - paddings[2 * d];
      inside = i >= 0 && i < input_shape[d];
      in_offset = in_offset * input_shape[d] + i;
    }
    const int32_t code = inside ? input[in_offset] : input_zero_point;
    output[o] = static_cast<T>(requantize(code, requant));
    for (size_t d = rank; d-- > 0;) {
      if (++index[d] < output_shape[d])
        break;
      index[d] = 0;
    }
  }
}

template void pad(const Requantization &, int32_t, const ir::Shape &, const uint8_t *,
                  std::span<const int32_t>, const ir::Shape &, uint8_t *);
template void pad(const Requantization &, int32_t, const ir::Shape &, const int8_t *,
                  std::span<const int32_t>, const ir::Shape &, int8_t *);
template void pad(const Requantization &, int32_t, const ir::Shape &, const int16_t *,
                  std::span<const int32_t>, const ir::Shape &, int16_t *);

} // namespace qgold::interp::kernels::quantized
