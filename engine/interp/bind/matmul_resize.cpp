// BatchMatMul, ResizeBilinear and ResizeNearestNeighbor.
#include "interp/binders.h"

namespace qgold::interp {

BoundKernel bind_BatchMatMul(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_ResizeBilinear(const Operands &ops) { no_float_kernel_yet(ops); }
BoundKernel bind_ResizeNearestNeighbor(const Operands &ops) { no_float_kernel_yet(ops); }

} // namespace qgold::interp
