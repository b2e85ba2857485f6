#include "interp/kernels/reshape.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(ReshapeTest, KeepsRowMajorOrder) {
  const std::vector<float> input = {1, 2, 3, 4, 5, 6}; // [2,3] -> [3,2]
  std::vector<float> out(6, -1.0f);
  reshape<float>({2, 3}, input.data(), out.data());
  EXPECT_EQ(out, input);
}

TEST(ReshapeTest, IntegerAndBoolElementsAreCopiedExactly) {
  const std::vector<int64_t> wide = {INT64_MIN, -1, 0, INT64_MAX};
  std::vector<int64_t> wide_out(4);
  reshape<int64_t>({2, 2}, wide.data(), wide_out.data());
  EXPECT_EQ(wide_out, wide);

  const std::vector<int32_t> narrow = {3, -4};
  std::vector<int32_t> narrow_out(2);
  reshape<int32_t>({2}, narrow.data(), narrow_out.data());
  EXPECT_EQ(narrow_out, narrow);

  const bool flags[] = {false, true, true};
  bool flags_out[3] = {true, false, false};
  reshape<bool>({3}, flags, flags_out);
  EXPECT_EQ(std::vector<bool>(flags_out, flags_out + 3), (std::vector<bool>{false, true, true}));
}

} // namespace
} // namespace qgold::interp::kernels
