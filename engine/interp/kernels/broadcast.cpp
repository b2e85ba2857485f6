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

bool broadcasts_to(const ir::Shape &shape, const ir::Shape &target) {
  if (shape.size() > target.size())
    return false;
  const size_t lead = target.size() - shape.size();
  for (size_t i = 0; i < shape.size(); ++i)
    if (shape[i] != 1 && shape[i] != target[lead + i])
      return false;
  return true;
}

} // namespace qgold::interp::kernels
