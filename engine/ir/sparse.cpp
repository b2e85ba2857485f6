#include "ir/sparse.h"

#include "ir/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace qgold::ir {
namespace {

// Walks the stored values in traversal order (TFLite's SparseToDense):
// a dense level visits every coordinate, a CSR level the ones its segment of
// `indices` lists; at the last level the coordinates, with block dims folded
// back into their dims, name the dense element the next value goes to.
class Densifier {
public:
  Densifier(const Tensor &tensor) : tensor_(tensor), sparsity_(*tensor.sparsity) {
    element_size_ = dtype_size(tensor.dtype);
    const size_t rank = tensor.shape.size();
    const size_t levels = sparsity_.traversal_order.size();
    if (levels < rank || sparsity_.dims.size() != levels || sparsity_.block_map.size() != levels - rank)
      fail(fmt::format("sparsity has {} traversal dims, {} dim metadata and {} block map entries for rank {}",
                       levels, sparsity_.dims.size(), sparsity_.block_map.size(), rank));
    std::vector<bool> seen(levels, false);
    for (int32_t d : sparsity_.traversal_order) {
      if (d < 0 || static_cast<size_t>(d) >= levels || seen[d])
        fail(fmt::format("traversal order {} is not a permutation of 0..{}", shape_to_string(sparsity_.traversal_order),
                         levels - 1));
      seen[d] = true;
    }
    // Expanded dims: the tensor's dims (in blocks where blocked), then the block dims.
    sizes_.assign(tensor.shape.begin(), tensor.shape.end());
    sizes_.resize(levels, 0);
    for (size_t level = 0; level < levels; ++level)
      if (!sparsity_.dims[level].csr)
        sizes_[sparsity_.traversal_order[level]] = sparsity_.dims[level].dense_size;
    for (size_t b = 0; b < sparsity_.block_map.size(); ++b) {
      const int32_t dim = sparsity_.block_map[b];
      const int32_t block = sizes_[rank + b];
      if (dim < 0 || static_cast<size_t>(dim) >= rank || block <= 0 || tensor.shape[dim] % block != 0)
        fail(fmt::format("block {} of size {} does not divide dim {}", b, block, dim));
      block_sizes_.push_back(block);
      sizes_[dim] = tensor.shape[dim] / block; // the dim counts blocks
    }
    coords_.assign(levels, 0);
    dense_.assign(static_cast<size_t>(tensor.num_elements()) * element_size_, 0);
  }

  std::vector<uint8_t> run() {
    visit(0, 0);
    if (next_value_ * element_size_ != tensor_.data->size())
      fail(fmt::format("{} values are stored, the sparsity parameters address {}",
                       tensor_.data->size() / element_size_, next_value_));
    return std::move(dense_);
  }

private:
  [[noreturn]] void fail(const std::string &what) const {
    throw InputError(fmt::format("sparse tensor '{}' {}: {}", tensor_.name, shape_to_string(tensor_.shape), what));
  }

  void visit(size_t level, int64_t position) {
    if (level == coords_.size()) {
      store();
      return;
    }
    const Sparsity::Dim &dim = sparsity_.dims[level];
    const int32_t axis = sparsity_.traversal_order[level];
    if (!dim.csr) {
      for (int32_t i = 0; i < dim.dense_size; ++i) {
        coords_[axis] = i;
        visit(level + 1, position * dim.dense_size + i);
      }
      return;
    }
    if (position + 1 >= static_cast<int64_t>(dim.segments.size()))
      fail(fmt::format("level {} has {} segment entries, position {} needs more", level, dim.segments.size(),
                       position));
    const int32_t begin = dim.segments[position], end = dim.segments[position + 1];
    if (begin < 0 || end < begin || static_cast<size_t>(end) > dim.indices.size())
      fail(fmt::format("level {} segment [{}, {}) is outside its {} indices", level, begin, end, dim.indices.size()));
    for (int32_t i = begin; i < end; ++i) {
      if (dim.indices[i] < 0 || dim.indices[i] >= sizes_[axis])
        fail(fmt::format("level {} index {} is outside dim {} of size {}", level, dim.indices[i], axis, sizes_[axis]));
      coords_[axis] = dim.indices[i];
      visit(level + 1, i);
    }
  }

  void store() {
    const size_t rank = tensor_.shape.size();
    std::vector<int64_t> index(coords_.begin(), coords_.begin() + static_cast<std::ptrdiff_t>(rank));
    for (size_t b = 0; b < block_sizes_.size(); ++b) {
      const int32_t dim = sparsity_.block_map[b];
      index[dim] = index[dim] * block_sizes_[b] + coords_[rank + b];
    }
    int64_t flat = 0;
    for (size_t d = 0; d < rank; ++d) {
      if (index[d] >= tensor_.shape[d])
        fail(fmt::format("an element lands outside dim {}", d));
      flat = flat * tensor_.shape[d] + index[d];
    }
    if ((next_value_ + 1) * element_size_ > tensor_.data->size())
      fail(fmt::format("the sparsity parameters address more than the {} stored values",
                       tensor_.data->size() / element_size_));
    std::memcpy(dense_.data() + flat * element_size_, tensor_.data->data() + next_value_ * element_size_,
                element_size_);
    ++next_value_;
  }

  const Tensor &tensor_;
  const Sparsity &sparsity_;
  size_t element_size_;
  std::vector<int32_t> sizes_, block_sizes_, coords_;
  std::vector<uint8_t> dense_;
  size_t next_value_ = 0;
};

} // namespace

std::vector<uint8_t> densify(const Tensor &tensor) {
  if (!tensor.sparsity || !tensor.data)
    throw InputError(fmt::format("tensor '{}' is not a sparse constant", tensor.name));
  return Densifier(tensor).run();
}

SparseData sparsify_last_dim(const Shape &shape, const std::vector<uint8_t> &dense, size_t element_size) {
  SparseData out;
  const size_t rank = shape.size();
  for (size_t d = 0; d < rank; ++d) {
    out.sparsity.traversal_order.push_back(static_cast<int32_t>(d));
    Sparsity::Dim dim;
    dim.csr = d + 1 == rank;
    dim.dense_size = dim.csr ? 0 : shape[d];
    out.sparsity.dims.push_back(std::move(dim));
  }
  // Zero is the all-zero bit pattern (so -0.0 is stored and comes back as it was).
  const int64_t columns = rank ? shape.back() : 1;
  const int64_t rows = columns ? num_elements(shape) / columns : 0;
  Sparsity::Dim &csr = out.sparsity.dims.back();
  csr.segments.push_back(0);
  const std::vector<uint8_t> zero(element_size, 0);
  for (int64_t r = 0; r < rows; ++r) {
    for (int64_t c = 0; c < columns; ++c) {
      const uint8_t *element = dense.data() + (r * columns + c) * static_cast<int64_t>(element_size);
      if (std::memcmp(element, zero.data(), element_size) == 0)
        continue;
      csr.indices.push_back(static_cast<int32_t>(c));
      out.values.insert(out.values.end(), element, element + element_size);
    }
    csr.segments.push_back(static_cast<int32_t>(csr.indices.size()));
  }
  return out;
}

} // namespace qgold::ir
