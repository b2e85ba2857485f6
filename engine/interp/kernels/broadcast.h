#pragma once

#include "ir/model.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace qgold::interp::kernels {

// Element strides of `shape` read as if it had `rank` dimensions under numpy
// broadcasting: shapes are right-aligned, and a missing or size-1 dimension
// gets stride 0 so its one element repeats.
std::vector<int64_t> broadcast_strides(const ir::Shape &shape, size_t rank);

// The numpy broadcast of two shapes (right-aligned; each pair of dims equal
// or one of them 1), or nullopt when they do not broadcast.
std::optional<ir::Shape> broadcast_shape(const ir::Shape &a, const ir::Shape &b);

// Walks the elements of out_shape in row-major order like an odometer and
// calls visit(i, offsets) with the output index and each operand's offset,
// the operands broadcast to out_shape (the caller checked that they do).
template <size_t N, typename Visit>
void broadcast_walk(const std::array<const ir::Shape *, N> &shapes, const ir::Shape &out_shape,
                    Visit visit) {
  const size_t rank = out_shape.size();
  std::array<std::vector<int64_t>, N> strides;
  for (size_t k = 0; k < N; ++k)
    strides[k] = broadcast_strides(*shapes[k], rank);
  const int64_t count = ir::num_elements(out_shape);
  std::vector<int32_t> index(rank, 0);
  std::array<int64_t, N> offsets{};
  for (int64_t i = 0; i < count; ++i) {
    visit(i, offsets);
    for (size_t d = rank; d-- > 0;) {
      if (++index[d] < out_shape[d]) {
        for (size_t k = 0; k < N; ++k)
          offsets[k] += strides[k][d];
        break;
      }
      for (size_t k = 0; k < N; ++k)
        offsets[k] -= strides[k][d] * (out_shape[d] - 1);
      index[d] = 0;
    }
  }
}

// out[i] = fn(x[..], y[..]) for every output element in row-major order, both
// operands broadcast to out_shape (the caller checked it is broadcast_shape(x, y)).
template <typename X, typename Y, typename Out, typename Fn>
void broadcast_binary(const ir::Shape &x_shape, const X *x, const ir::Shape &y_shape, const Y *y,
                      const ir::Shape &out_shape, Out *out, Fn fn) {
  broadcast_walk<2>({&x_shape, &y_shape}, out_shape,
                    [&](int64_t i, const auto &at) { out[i] = fn(x[at[0]], y[at[1]]); });
}

// out[i] = fn(a[..], b[..], c[..]), the three operands broadcast to out_shape.
template <typename A, typename B, typename C, typename Out, typename Fn>
void broadcast_ternary(const ir::Shape &a_shape, const A *a, const ir::Shape &b_shape, const B *b,
                       const ir::Shape &c_shape, const C *c, const ir::Shape &out_shape, Out *out,
                       Fn fn) {
  broadcast_walk<3>({&a_shape, &b_shape, &c_shape}, out_shape,
                    [&](int64_t i, const auto &at) { out[i] = fn(a[at[0]], b[at[1]], c[at[2]]); });
}

} // namespace qgold::interp::kernels
