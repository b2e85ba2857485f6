// Quantize and Dequantize convert between float and integer tensors; the
// float interpreter has no kernel for them. Densify's constant is folded when
// a model is read.
#include "interp/binders.h"
#include "ir/error.h"

#include <fmt/format.h>

namespace qgold::interp {
namespace {

[[noreturn]] BoundKernel no_float_kernel(const Operands &ops) {
  throw UnsupportedError(fmt::format("{} has no float kernel in the interpreter", ops.label()));
}

} // namespace

BoundKernel bind_Quantize(const Operands &ops) { no_float_kernel(ops); }
BoundKernel bind_Dequantize(const Operands &ops) { no_float_kernel(ops); }
BoundKernel bind_Densify(const Operands &ops) { no_float_kernel_yet(ops); }

} // namespace qgold::interp
