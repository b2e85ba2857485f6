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

// The integer kernel of an operator on quantized tensors (integers with a
// scale), and of Quantize and Dequantize. Throws InputError for inconsistent
// quantization parameters and UnsupportedError for ops or dtype combinations
// without an integer kernel.
BoundKernel bind_quantized_kernel(const Operands &operands);

// Both binders refuse a fused TANH (UnsupportedError naming the operator).
void refuse_fused_tanh(const Operands &operands);

// True for Quantize, Dequantize and any op with a quantized input or output:
// such ops run on integer kernels, every other op on the float ones.
bool runs_on_integers(const ir::Model &model, const ir::Operator &op);

} // namespace qgold::interp
