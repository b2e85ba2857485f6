#include "interp/kernels/activation.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace qgold::interp::kernels {
namespace {

float clamp(float value, float lo, float hi) { return std::min(std::max(value, lo), hi); }

} // namespace

float activate(ir::Activation activation, float value) {
  switch (activation) {
  case ir::Activation::None:
    return value;
  case ir::Activation::Relu:
    return clamp(value, 0.0f, std::numeric_limits<float>::max());
  case ir::Activation::ReluN1To1:
    return clamp(value, -1.0f, 1.0f);
  case ir::Activation::Relu6:
    return clamp(value, 0.0f, 6.0f);
  case ir::Activation::Tanh: // TFLite's kernels apply none; qgold refuses it when binding
    return value;
  }
  return value;
}

void activate(ir::Activation activation, std::span<float> values) {
  if (activation == ir::Activation::None)
    return;
  for (float &value : values)
    value = activate(activation, value);
}

} // namespace qgold::interp::kernels
