#pragma once

// One float binder per operator of ir/ops.lst, declared from the list so that
// an operator without one does not link. Binders live in bind/, grouped by
// family; each turns a validated operator into its kernel's parameters and
// buffers (shapes come from the model, which shape inference has checked).

#include "interp/dispatch.h"

namespace qgold::interp {

#define QGOLD_OP(Name, ...) BoundKernel bind_##Name(const Operands &ops);
#include "ir/ops.lst"
#undef QGOLD_OP

// The binder of an op whose float kernel is not written yet: an
// UnsupportedError naming the op (RegistryCoverage lists these ops).
[[noreturn]] BoundKernel no_float_kernel_yet(const Operands &ops);

} // namespace qgold::interp
