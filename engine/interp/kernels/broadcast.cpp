#include "interp/kernels/broadcast.h"

namespace qgold::interp::kernels {

std::vector<int64_t> broadcast_strides(const ir::Shape &shape, size_t rank) {
  std::vector<int64_t> strides(rank, 0);
  int64_t stride = 1;
  for (size_t i = shape.size(); i-- > 0;) {
    const size_t d = rank - (shape.size() - i);
    strides[d] = shape[i] == 1 ? 0 : stride;
    stride *= shape[i];
  }
  return strides;
}

std::optional<ir::Shape> broadcast_shape(const ir::Shape &a, const ir::Shape &b) {
  const ir::Shape &longer = a.size() >= b.size() ? a : b;
  const ir::Shape &shorter = a.size() >= b.size() ? b : a;
  ir::Shape result = longer;
  const size_t lead = longer.size() - shorter.size();
  for (size_t i = 0; i < shorter.size(); ++i) {
    const int32_t l = longer[lead + i], s = shorter[i];
    if (l == s || s == 1)
      continue;
    if (l != 1)
      return std::nullopt;
    result[lead + i] = s;
  }
  return result;
}

} // namespace qgold::interp::kernels
