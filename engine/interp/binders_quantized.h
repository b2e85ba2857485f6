#pragma once

// One integer binder per operator of ir/ops.lst, declared from the list so
// that an operator without one does not link (the float binders are in
// binders.h). Binders live in bind_quantized/, grouped by family; each reads
// the quantization parameters of the op's tensors, prepares its kernel's
// integer parameters (kernels/quantized/) and binds the buffers.

#include "interp/dispatch.h"

namespace qgold::interp {

#define QGOLD_OP(Name, ...) BoundKernel bind_quantized_##Name(const Operands &ops);
#include "ir/ops.lst"
#undef QGOLD_OP

} // namespace qgold::interp
