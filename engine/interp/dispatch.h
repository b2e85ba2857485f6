#pragma once

#include "interp/operands.h"

#include <functional>

namespace qgold::interp {

// One operator bound to its kernel, parameters and buffers; calling it runs the op.
using BoundKernel = std::function<void()>;

// Checks the operator's operands and options against what its kernel needs
// (ranks, matching dimensions, declared output shapes) and binds it. Throws
// InputError for an inconsistent operator and UnsupportedError for ops
// without a float kernel (Quantize, Dequantize, unknown codes).
BoundKernel bind_kernel(const Operands &operands);

} // namespace qgold::interp
