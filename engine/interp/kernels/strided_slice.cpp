#include "interp/kernels/strided_slice.h"

#include "interp/kernels/element_types.h"

#include <vector>

namespace qgold::interp::kernels {

template <typename T>
void strided_slice(const ir::StridedSliceGeometry &geometry, const T *input, T *output) {
  const ir::Shape &effective = geometry.effective_input;
  const size_t rank = effective.size();
  // A new axis has size 1 and index 0, so the effective input's row-major
  // strides address the real input.
  std::vector<int64_t> strides(rank, 1);
  for (size_t d = rank; d-- > 1;)
    strides[d - 1] = strides[d] * effective[d];
  std::vector<int64_t> counts(rank), step(rank);
  int64_t total = 1, offset = 0;
  for (size_t d = 0; d < rank; ++d) {
    const ir::StridedSliceAxis &axis = geometry.axes[d];
    counts[d] = axis.shrink ? 1 : axis.size();
    step[d] = axis.stride * strides[d];
    offset += axis.start * strides[d];
    total *= counts[d];
  }
  std::vector<int64_t> index(rank, 0);
  for (int64_t o = 0; o < total; ++o) {
    output[o] = input[offset];
    for (size_t d = rank; d-- > 0;) {
      if (++index[d] < counts[d]) {
        offset += step[d];
        break;
      }
      offset -= step[d] * (counts[d] - 1);
      index[d] = 0;
    }
  }
}

#define QGOLD_INSTANTIATE(T)                                                                       \
  template void strided_slice<T>(const ir::StridedSliceGeometry &, const T *, T *);
QGOLD_FOR_EACH_MOVED_TYPE(QGOLD_INSTANTIATE)
#undef QGOLD_INSTANTIATE

} // namespace qgold::interp::kernels
