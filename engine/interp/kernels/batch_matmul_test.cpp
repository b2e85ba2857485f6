#include "interp/kernels/batch_matmul.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

std::vector<float> run(bool adj_x, bool adj_y, const ir::Shape &lhs_shape,
                       const std::vector<float> &lhs, const ir::Shape &rhs_shape,
                       const std::vector<float> &rhs, const ir::Shape &out_shape) {
  std::vector<float> out(ir::num_elements(out_shape), -999.0f);
  batch_matmul({adj_x, adj_y}, lhs_shape, lhs.data(), rhs_shape, rhs.data(), out_shape,
               out.data());
  return out;
}

// A = [[1,2,3],[4,5,6]], B = [[7,8],[9,10],[11,12]]: A B = [[58,64],[139,154]].
const std::vector<float> kA = {1, 2, 3, 4, 5, 6};
const std::vector<float> kAT = {1, 4, 2, 5, 3, 6};
const std::vector<float> kB = {7, 8, 9, 10, 11, 12};
const std::vector<float> kBT = {7, 9, 11, 8, 10, 12};
const std::vector<float> kAB = {58, 64, 139, 154};

TEST(BatchMatMulTest, PlainProduct) {
  EXPECT_EQ(run(false, false, {2, 3}, kA, {3, 2}, kB, {2, 2}), kAB);
}

TEST(BatchMatMulTest, AdjointsTransposeTheStoredOperands) {
  EXPECT_EQ(run(true, false, {3, 2}, kAT, {3, 2}, kB, {2, 2}), kAB);
  EXPECT_EQ(run(false, true, {2, 3}, kA, {2, 3}, kBT, {2, 2}), kAB);
  EXPECT_EQ(run(true, true, {3, 2}, kAT, {2, 3}, kBT, {2, 2}), kAB);
}

TEST(BatchMatMulTest, BatchDimsBroadcast) {
  // lhs [2,1,1,2] (two row vectors), rhs [3,2,1] (three column vectors):
  // out [2,3,1,1] = each row vector dotted with each column vector.
  const std::vector<float> lhs = {1, 2, 3, 4};
  const std::vector<float> rhs = {1, 0, 0, 1, 1, 1};
  EXPECT_EQ(run(false, false, {2, 1, 1, 2}, lhs, {3, 2, 1}, rhs, {2, 3, 1, 1}),
            (std::vector<float>{1, 2, 3, 3, 4, 7}));
}

TEST(BatchMatMulTest, RankFiveWithALowerRankOperand) {
  // lhs [2,1,2,1,2] and rhs [2,1] (shared by every batch): out [2,1,2,1,1].
  const std::vector<float> lhs = {1, 2, 3, 4, 5, 6, 7, 8};
  const std::vector<float> rhs = {10, 1};
  EXPECT_EQ(run(false, false, {2, 1, 2, 1, 2}, lhs, {2, 1}, rhs, {2, 1, 2, 1, 1}),
            (std::vector<float>{12, 34, 56, 78}));
}

TEST(BatchMatMulTest, AccumulatesFromZeroInKOrder) {
  // ((1e8 + 1) - 1e8) + 1 = 1 in float: 1e8 + 1 rounds back to 1e8.
  EXPECT_EQ(run(false, false, {1, 4}, {1e8f, 1, -1e8f, 1}, {4, 1}, {1, 1, 1, 1}, {1, 1}),
            (std::vector<float>{1}));
}

TEST(BatchMatMulTest, EmptyContractionGivesZeros) {
  EXPECT_EQ(run(false, false, {2, 0}, {}, {0, 3}, {}, {2, 3}), (std::vector<float>(6, 0.0f)));
}

} // namespace
} // namespace qgold::interp::kernels
