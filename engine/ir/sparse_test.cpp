#include "ir/sparse.h"

#include "ir/error.h"

#include <gtest/gtest.h>

namespace qgold::ir {
namespace {

Tensor sparse_tensor(Shape shape, Sparsity sparsity, std::vector<float> values) {
  Tensor tensor;
  tensor.name = "w";
  tensor.shape = std::move(shape);
  tensor.sparsity = std::move(sparsity);
  tensor.set_values<float>(values);
  return tensor;
}

std::vector<float> as_floats(const std::vector<uint8_t> &bytes) {
  std::vector<float> out(bytes.size() / 4);
  std::memcpy(out.data(), bytes.data(), bytes.size());
  return out;
}

TEST(Sparse, DensifiesCsrRows) {
  // [[0, 1, 0], [2, 0, 3]]: row 0 holds column 1, row 1 columns 0 and 2.
  Sparsity csr;
  csr.traversal_order = {0, 1};
  csr.dims = {{false, 2, {}, {}}, {true, 0, {0, 1, 3}, {1, 0, 2}}};
  EXPECT_EQ(as_floats(densify(sparse_tensor({2, 3}, csr, {1, 2, 3}))), (std::vector<float>{0, 1, 0, 2, 0, 3}));
}

TEST(Sparse, DensifiesColumnMajorTraversal) {
  // Dims visited as (1, 0): column by column of [[0, 1], [2, 3]]; columns hold rows {1} and {0, 1}.
  Sparsity csr;
  csr.traversal_order = {1, 0};
  csr.dims = {{false, 2, {}, {}}, {true, 0, {0, 1, 3}, {1, 0, 1}}};
  EXPECT_EQ(as_floats(densify(sparse_tensor({2, 2}, csr, {2, 1, 3}))), (std::vector<float>{0, 1, 2, 3}));
}

TEST(Sparse, DensifiesBlocks) {
  // A 2x4 matrix in 1x2 blocks: block rows 0..1, block columns 0..1 (CSR),
  // then the dense 1x2 block. Row 0 holds block column 1, row 1 block column 0.
  Sparsity blocked;
  blocked.traversal_order = {0, 1, 2, 3};
  blocked.block_map = {0, 1};
  blocked.dims = {{false, 2, {}, {}}, {true, 0, {0, 1, 2}, {1, 0}}, {false, 1, {}, {}}, {false, 2, {}, {}}};
  EXPECT_EQ(as_floats(densify(sparse_tensor({2, 4}, blocked, {5, 6, 7, 8}))),
            (std::vector<float>{0, 0, 5, 6, 7, 8, 0, 0}));
}

TEST(Sparse, SparsifyThenDensifyIsTheIdentity) {
  const Shape shape{2, 2, 3};
  std::vector<float> dense{0, 1.5f, 0, -2, 0, 0, 0, 0, 0, 4, 0, -0.0f};
  std::vector<uint8_t> bytes(dense.size() * 4);
  std::memcpy(bytes.data(), dense.data(), bytes.size());
  const SparseData sparse = sparsify_last_dim(shape, bytes, 4);
  EXPECT_EQ(sparse.values.size(), 4u * 4); // 1.5, -2, 4 and the -0.0 bit pattern
  Tensor tensor;
  tensor.name = "t";
  tensor.shape = shape;
  tensor.sparsity = sparse.sparsity;
  tensor.data = sparse.values;
  EXPECT_EQ(densify(tensor), bytes);
}

TEST(Sparse, InconsistentParametersAreInputErrors) {
  Sparsity csr;
  csr.traversal_order = {0, 1};
  csr.dims = {{false, 2, {}, {}}, {true, 0, {0, 1, 3}, {1, 0, 5}}}; // column 5 of 3
  EXPECT_THROW(densify(sparse_tensor({2, 3}, csr, {1, 2, 3})), InputError);
  csr.dims[1].indices = {1, 0, 2};
  EXPECT_THROW(densify(sparse_tensor({2, 3}, csr, {1, 2})), InputError); // too few values
  csr.traversal_order = {0, 0};
  EXPECT_THROW(densify(sparse_tensor({2, 3}, csr, {1, 2, 3})), InputError);
}

} // namespace
} // namespace qgold::ir
