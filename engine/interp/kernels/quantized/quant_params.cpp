#include "interp/kernels/quantized/quant_params.h"

#include <algorithm>
#include <cmath>

namespace qgold::interp::kernels::quantized {

IntRange storage_range(ir::DType dtype) {
  switch (dtype) {
  case ir::DType::UInt8:
    return {0, 255};
  case ir::DType::Int8:
    return {-128, 127};
  case ir::DType::Int16:
    return {-32767, 32767};
  default:
    return {0, 0};
  }
}

IntRange full_range(ir::DType dtype) {
  return dtype == ir::DType::Int16 ? IntRange{-32768, 32767} : storage_range(dtype);
}

IntRange activation_range(ir::Activation activation, const QuantInfo &output, IntRange storage) {
  auto code = [&](float bound) {
    return output.zero_point + static_cast<int32_t>(std::round(bound / output.scale));
  };
  switch (activation) {
  case ir::Activation::Relu:
    return {std::max(storage.min, code(0.0f)), storage.max};
  case ir::Activation::Relu6:
    return {std::max(storage.min, code(0.0f)), std::min(storage.max, code(6.0f))};
  case ir::Activation::ReluN1To1:
    return {std::max(storage.min, code(-1.0f)), std::min(storage.max, code(1.0f))};
  case ir::Activation::None:
  case ir::Activation::Tanh: // refused when binding (interp/dispatch.cpp)
    return storage;
  }
  return storage;
}

} // namespace qgold::interp::kernels::quantized
