#pragma once

// Sparse constants (the Circle/TFLite SparsityParameters format, which
// TFLite's sparsity FormatConverter reads and writes).

#include "ir/model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qgold::ir {

// The dense row-major bytes of sparse constant `tensor` (zeros where nothing
// is stored). Throws InputError naming the tensor when the sparsity
// parameters do not fit its shape or data.
std::vector<uint8_t> densify(const Tensor &tensor);

struct SparseData {
  Sparsity sparsity;
  std::vector<uint8_t> values;
};

// The form tflchef's make_sparse writes: dims in order, all dense but the
// last, which is CSR; zeros are left out. `dense` holds row-major elements of
// `element_size` bytes; shape must have rank >= 1.
SparseData sparsify_last_dim(const Shape &shape, const std::vector<uint8_t> &dense, size_t element_size);

} // namespace qgold::ir
