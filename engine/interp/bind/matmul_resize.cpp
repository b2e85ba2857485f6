// BatchMatMul, ResizeBilinear and ResizeNearestNeighbor.
#include "interp/binders.h"
#include "interp/kernels/batch_matmul.h"
#include "interp/kernels/resize_bilinear.h"
#include "interp/kernels/resize_nearest_neighbor.h"

namespace qgold::interp {

BoundKernel bind_BatchMatMul(const Operands &ops) {
  const auto &opt = ops.options<ir::BatchMatMulOptions>();
  const kernels::BatchMatMulParams params{opt.adj_x, opt.adj_y};
  return [=, lhs_shape = ops.input_shape(0), rhs_shape = ops.input_shape(1),
          out_shape = ops.output_shape(0), lhs = ops.input<float>(0), rhs = ops.input<float>(1),
          output = ops.output<float>(0)] {
    kernels::batch_matmul(params, lhs_shape, lhs, rhs_shape, rhs, out_shape, output);
  };
}

// The size input only shapes the output, which shape inference has checked.
BoundKernel bind_ResizeBilinear(const Operands &ops) {
  const auto &opt = ops.options<ir::ResizeBilinearOptions>();
  const kernels::ResizeBilinearParams params{opt.align_corners, opt.half_pixel_centers};
  return [=, in = ops.input_shape(0), out = ops.output_shape(0), input = ops.input<float>(0),
          output = ops.output<float>(0)] {
    kernels::resize_bilinear(params, in, input, out, output);
  };
}

BoundKernel bind_ResizeNearestNeighbor(const Operands &ops) {
  const auto &opt = ops.options<ir::ResizeNearestNeighborOptions>();
  const kernels::ResizeNearestNeighborParams params{opt.align_corners, opt.half_pixel_centers};
  return [=, in = ops.input_shape(0), out = ops.output_shape(0), input = ops.input<float>(0),
          output = ops.output<float>(0)] {
    kernels::resize_nearest_neighbor(params, in, input, out, output);
  };
}

} // namespace qgold::interp
