#pragma once

// What the integer binders read from an operator's tensors: per-tensor and
// per-channel quantization parameters (checked, InputError naming the
// operator and tensor otherwise), and the code type a kernel instantiates.

#include "interp/dispatch.h"
#include "interp/kernels/quantized/quant_params.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <cstdint>
#include <vector>

namespace qgold::interp {

using kernels::quantized::IntRange;
using kernels::quantized::QuantInfo;

// The single scale and zero point of input (output) `slot`.
QuantInfo input_quant(const Operands &ops, size_t slot);
QuantInfo output_quant(const Operands &ops, size_t slot);

// The scales and zero points of a constant operand (weights, PRelu alpha,
// InstanceNorm gamma/beta): one pair, or `channels` pairs along `axis`
// (its quantized_dimension must say so).
std::vector<QuantInfo> channel_quant(const Operands &ops, size_t slot, int64_t channels,
                                     int32_t axis);

// activation_range(activation, output 0's parameters, storage_range(its dtype)).
IntRange output_activation_range(const Operands &ops, ir::Activation activation);

// Calls fn.template operator()<T>() with T = uint8_t, int8_t or int16_t for
// `dtype`; any other dtype is an UnsupportedError naming the operator.
template <typename Fn> BoundKernel with_code_type(const Operands &ops, ir::DType dtype, Fn &&fn) {
  switch (dtype) {
  case ir::DType::UInt8:
    return fn.template operator()<uint8_t>();
  case ir::DType::Int8:
    return fn.template operator()<int8_t>();
  case ir::DType::Int16:
    return fn.template operator()<int16_t>();
  default:
    throw UnsupportedError(fmt::format("{}: no integer kernel for {} tensors", ops.label(),
                                       ir::dtype_name(dtype)));
  }
}

} // namespace qgold::interp
