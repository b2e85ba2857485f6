#pragma once

#include "ir/model.h"

#include <cstdint>

namespace qgold::interp::kernels {

// Dimensions of a rank-4 NHWC shape (the caller checks the rank).
struct Nhwc {
  int32_t n, h, w, c;
};

inline Nhwc nhwc(const ir::Shape &shape) { return {shape[0], shape[1], shape[2], shape[3]}; }

// Row-major offset of element (b, y, x, c).
inline int64_t offset(const Nhwc &dims, int32_t b, int32_t y, int32_t x, int32_t c) {
  return ((static_cast<int64_t>(b) * dims.h + y) * dims.w + x) * dims.c + c;
}

} // namespace qgold::interp::kernels
