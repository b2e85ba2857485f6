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

// Densify's binder, float or integer: its sparse constant is folded before
// any step runs (quant::fold_converter_constants), so one left in a model is
// an UnsupportedError that says so.
[[noreturn]] BoundKernel refuse_unfolded_densify(const Operands &ops);

} // namespace qgold::interp
