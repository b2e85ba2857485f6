#include "interp/kernels/padding.h"

#include <algorithm>

namespace qgold::interp::kernels {

int32_t conv_output_size(ir::Padding padding, int32_t in_size, int32_t filter_size, int32_t stride,
                         int32_t dilation) {
  const int32_t effective_filter = (filter_size - 1) * dilation + 1;
  if (padding == ir::Padding::Same)
    return (in_size + stride - 1) / stride;
  return std::max(0, (in_size - effective_filter + stride) / stride);
}

int32_t conv_padding_before(int32_t stride, int32_t dilation, int32_t in_size, int32_t filter_size,
                            int32_t out_size) {
  const int32_t effective_filter = (filter_size - 1) * dilation + 1;
  const int32_t total = (out_size - 1) * stride + effective_filter - in_size;
  return std::max(0, total) / 2;
}

} // namespace qgold::interp::kernels
