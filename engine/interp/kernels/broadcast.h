#pragma once

#include "ir/model.h"

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

// out[i] = fn(x[..], y[..]) for every output element in row-major order, both
// operands broadcast to out_shape (the caller checked it is broadcast_shape(x, y)).
// Any element types: float for the float kernels, codes for the integer ones.
template <typename X, typename Y, typename O, typename Fn>
void broadcast_binary(const ir::Shape &x_shape, const X *x, const ir::Shape &y_shape, const Y *y,
                      const ir::Shape &out_shape, O *out, Fn fn) {
  const size_t rank = out_shape.size();
  const std::vector<int64_t> x_strides = broadcast_strides(x_shape, rank);
  const std::vector<int64_t> y_strides = broadcast_strides(y_shape, rank);
  const int64_t count = ir::num_elements(out_shape);
  std::vector<int32_t> index(rank, 0);
  int64_t xi = 0, yi = 0;
  for (int64_t i = 0; i < count; ++i) {
    out[i] = fn(x[xi], y[yi]);
    // Advance the output index like an odometer, keeping the operand offsets in step.
    for (size_t d = rank; d-- > 0;) {
      if (++index[d] < out_shape[d]) {
        xi += x_strides[d];
        yi += y_strides[d];
        break;
      }
      xi -= x_strides[d] * (out_shape[d] - 1);
      yi -= y_strides[d] * (out_shape[d] - 1);
      index[d] = 0;
    }
  }
}

} // namespace qgold::interp::kernels
