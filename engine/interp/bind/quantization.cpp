// Quantize and Dequantize convert between float and integer tensors; the
// float interpreter has no kernel for them. Densify only ever takes a
// constant, which quant::fold_converter_constants folds before any step runs.
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
BoundKernel bind_Densify(const Operands &ops) { refuse_unfolded_densify(ops); }

} // namespace qgold::interp
