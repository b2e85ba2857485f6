#pragma once

#include "ir/ops.h"

#include <cstdint>

namespace qgold::interp::kernels {

// Window parameters shared by AveragePool2D and MaxPool2D.
struct Pool2DParams {
  ir::Padding padding = ir::Padding::Valid;
  int32_t stride_h = 1, stride_w = 1;
  int32_t filter_h = 1, filter_w = 1;
  ir::Activation activation = ir::Activation::None;
};

} // namespace qgold::interp::kernels
