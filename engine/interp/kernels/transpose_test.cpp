#include "interp/kernels/transpose.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(TransposeTest, MatrixTranspose) {
  const std::vector<float> input = {1, 2, 3, 4, 5, 6}; // [2,3]
  std::vector<float> out(6);
  transpose<float>({2, 3}, std::vector<int32_t>{1, 0}, input.data(), out.data());
  EXPECT_EQ(out, (std::vector<float>{1, 4, 2, 5, 3, 6}));
}

TEST(TransposeTest, NhwcToNchw) {
  // [1,2,2,2] value = 100*h + 10*w + c; NCHW reads channel planes.
  const std::vector<float> input = {0, 1, 10, 11, 100, 101, 110, 111};
  std::vector<float> out(8);
  transpose<float>({1, 2, 2, 2}, std::vector<int32_t>{0, 3, 1, 2}, input.data(), out.data());
  EXPECT_EQ(out, (std::vector<float>{0, 10, 100, 110, 1, 11, 101, 111}));
}

TEST(TransposeTest, NegativePermEntriesCountFromTheEnd) {
  // [2,1,3] with perm [-1, 0, -2] = [2, 0, 1] -> [3,2,1].
  const std::vector<int32_t> input = {1, 2, 3, 4, 5, 6};
  std::vector<int32_t> out(6);
  transpose<int32_t>({2, 1, 3}, std::vector<int32_t>{-1, 0, -2}, input.data(), out.data());
  EXPECT_EQ(out, (std::vector<int32_t>{1, 4, 2, 5, 3, 6}));
}

TEST(TransposeTest, IdentityRank0AndZeroSize) {
  const std::vector<int64_t> scalar = {INT64_MIN};
  std::vector<int64_t> scalar_out(1, 0);
  transpose<int64_t>({}, std::vector<int32_t>{}, scalar.data(), scalar_out.data());
  EXPECT_EQ(scalar_out, scalar);

  std::vector<float> none(1, -1.0f);
  transpose<float>({2, 0}, std::vector<int32_t>{1, 0}, nullptr, none.data());
  EXPECT_EQ(none[0], -1.0f); // nothing written
}

TEST(TransposeTest, BoolRank3) {
  // [2,2,1] -> perm [1,0,2]: rows and columns swap.
  const bool input[] = {true, false, false, false};
  bool out[4] = {};
  transpose<bool>({2, 2, 1}, std::vector<int32_t>{1, 0, 2}, input, out);
  EXPECT_EQ(std::vector<bool>(out, out + 4), (std::vector<bool>{true, false, false, false}));
  const bool column[] = {false, true, false, false};
  transpose<bool>({2, 2, 1}, std::vector<int32_t>{1, 0, 2}, column, out);
  EXPECT_EQ(std::vector<bool>(out, out + 4), (std::vector<bool>{false, false, true, false}));
}

} // namespace
} // namespace qgold::interp::kernels
