#include "interp/kernels/quantized/split.h"

namespace qgold::interp::kernels::quantized {

template <typename T>
void split(int32_t axis, std::span<const Requantization> requants, const ir::Shape &input_shape,
           const T *input, std::span<T *const> outputs) {
  const auto rank = static_cast<int32_t>(input_shape.size());
  if (axis < 0)
    axis += rank;
  int64_t outer = 1, inner = 1;
  for (int32_t d = 0; d < axis; ++d)
    outer *= input_shape[d];
  for (int32_t d = axis + 1; d < rank; ++d)
    inner *= input_shape[d];
  const int64_t run = input_shape[axis] / static_cast<int64_t>(outputs.size()) * inner;

  const T *src = input;
  for (int64_t o = 0; o < outer; ++o) {
    for (size_t p = 0; p < outputs.size(); ++p) {
      requantize(requants[p], run, src, outputs[p] + o * run);
      src += run;
    }
  }
}

template void split(int32_t, std::span<const Requantization>, const ir::Shape &, const uint8_t *,
                    std::span<uint8_t *const>);
template void split(int32_t, std::span<const Requantization>, const ir::Shape &, const int8_t *,
                    std::span<int8_t *const>);
template void split(int32_t, std::span<const Requantization>, const ir::Shape &, const int16_t *,
                    std::span<int16_t *const>);

} // namespace qgold::interp::kernels::quantized
