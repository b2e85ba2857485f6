#pragma once

#include "interp/kernels/mean.h"
#include "ir/model.h"

#include <algorithm>
#include <span>
#include <type_traits>
#include <vector>

namespace qgold::interp::kernels {

// The walk of TFLite's ReduceGeneric (reference/reduce.h, and the optimized
// ReduceImpl TFLite registers, which visits the same elements in the same
// order), shared by Sum, ReduceMax, ReduceMin and ReduceProd: every output
// starts at `init`, then the input is read in row-major order and each element
// folds into its output as output = fold(output, element). `axes` are resolved
// as Mean resolves them (negative from the end, repeats once). The output holds
// the kept dimensions in order; an empty reduction leaves `init`.
template <typename T, typename Fold>
void reduce_axes(const ir::Shape &input_shape, const T *input, std::span<const int32_t> axes,
                 T init, Fold fold, T *output) {
  const size_t rank = input_shape.size();
  std::vector<bool> reduced(rank, false);
  for (int32_t axis : resolve_axes(axes, rank))
    reduced[axis] = true;

  // Output stride of every input dimension; 0 for reduced ones.
  std::vector<int64_t> out_strides(rank, 0);
  int64_t out_count = 1;
  for (size_t d = rank; d-- > 0;) {
    if (!reduced[d]) {
      out_strides[d] = out_count;
      out_count *= input_shape[d];
    }
  }
  std::fill_n(output, out_count, init);

  const int64_t in_count = ir::num_elements(input_shape);
  std::vector<int32_t> index(rank, 0);
  int64_t out_index = 0;
  for (int64_t i = 0; i < in_count; ++i) {
    output[out_index] = fold(output[out_index], input[i]);
    for (size_t d = rank; d-- > 0;) {
      if (++index[d] < input_shape[d]) {
        out_index += out_strides[d];
        break;
      }
      out_index -= out_strides[d] * (input_shape[d] - 1);
      index[d] = 0;
    }
  }
}

// a + b and a * b with two's-complement wrap-around for integers (what
// TFLite's int32/int64 kernels do on overflow, without C++'s undefined
// behaviour); plain float arithmetic otherwise.
template <typename T> T wrapping_add(T a, T b) {
  if constexpr (std::is_integral_v<T>) {
    using U = std::make_unsigned_t<T>;
    return static_cast<T>(static_cast<U>(static_cast<U>(a) + static_cast<U>(b)));
  } else {
    return a + b;
  }
}
template <typename T> T wrapping_mul(T a, T b) {
  if constexpr (std::is_integral_v<T>) {
    using U = std::make_unsigned_t<T>;
    return static_cast<T>(static_cast<U>(static_cast<U>(a) * static_cast<U>(b)));
  } else {
    return a * b;
  }
}

} // namespace qgold::interp::kernels
