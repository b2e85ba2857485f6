#pragma once

#include "interp/kernels/quantized/add.h"

namespace qgold::interp::kernels::quantized {

// Add's arithmetic (add.h) with the rescaled operands subtracted, as TFLite's
// reference SubElementwise: out = clamp(zo + R_out(R_1(x - zx) - R_2(y - zy))).
template <typename T>
void sub(const AddQuant &quant, const ir::Shape &x_shape, const T *x, const ir::Shape &y_shape,
         const T *y, const ir::Shape &out_shape, T *out);

} // namespace qgold::interp::kernels::quantized
