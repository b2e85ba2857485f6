// BatchMatMul and ResizeBilinear: no integer kernels yet.
#include "interp/binders_quantized.h"

namespace qgold::interp {

BoundKernel bind_quantized_BatchMatMul(const Operands &ops) { no_integer_kernel_yet(ops); }
BoundKernel bind_quantized_ResizeBilinear(const Operands &ops) { no_integer_kernel_yet(ops); }

} // namespace qgold::interp
