#pragma once

#include "interp/dispatch.h"
#include "ir/model.h"

#include <cstdint>
#include <vector>

namespace qgold::interp {

// The model-level checks every executor of a model makes before binding
// kernels: ir::validate_model (as InputError), graph inputs/outputs are
// tensors of the model in a dtype the executor feeds (float32 only, unless
// `integer_io`: also uint8, int8, int16, int32, int64 and bool), shapes are
// non-negative and at most 2^31 elements, float constants hold exactly their
// bytes, graph inputs are not constants. Returns each tensor's element count.
std::vector<int64_t> check_tensors(const ir::Model &model, bool integer_io = false);

// Buffers with no storage yet where constants and graph inputs are marked
// written (ready to be read by the first operator).
TensorBuffers initial_buffers(const ir::Model &model);

// Binds every operator in execution order (see bind_kernel; with
// `integer_kernels`, ops that runs_on_integers get bind_quantized_kernel),
// marking each op's outputs written once it is bound, so an op cannot read
// its own output and a tensor cannot be written twice.
std::vector<BoundKernel> bind_kernels(const ir::Model &model, TensorBuffers &buffers,
                                      bool integer_kernels = false);

// "tensor #3 'conv'".
std::string tensor_label(const ir::Model &model, int32_t index);

} // namespace qgold::interp
