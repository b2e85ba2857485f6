#pragma once

#include "ir/ops.h"

#include <algorithm>
#include <concepts>
#include <span>

namespace qgold::interp::kernels {

// A fused activation applied to one value. The clamping ones follow TFLite's
// ActivationFunctionWithMinMax, min(max(x, lo), hi), so NaN passes through.
// TFLite computes nothing for a fused TANH (its range is unbounded), which is
// why the interpreter refuses to bind one (interp/dispatch.cpp).
float activate(ir::Activation activation, float value);

// A fused activation on an integer value: TFLite's CalculateActivationRange
// clamps RELU, RELU6 and RELU_N1_TO_1 and leaves every other value (TANH
// included) as it is.
template <std::integral T> T activate(ir::Activation activation, T value) {
  switch (activation) {
  case ir::Activation::Relu:
    return std::max<T>(value, 0);
  case ir::Activation::Relu6:
    return std::clamp<T>(value, 0, 6);
  case ir::Activation::ReluN1To1:
    return std::clamp<T>(value, -1, 1);
  case ir::Activation::None:
  case ir::Activation::Tanh:
    return value;
  }
  return value;
}

// Applies `activation` in place; a no-op for Activation::None.
void activate(ir::Activation activation, std::span<float> values);

} // namespace qgold::interp::kernels
