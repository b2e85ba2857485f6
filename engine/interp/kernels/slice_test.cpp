#include "interp/kernels/slice.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(SliceTest, WindowOfAMatrix) {
  // [3,4] values 10*r + c; begin [1,1], size [2,2].
  const std::vector<float> input = {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23};
  std::vector<float> out(4);
  slice<float>({3, 4}, std::vector<int32_t>{1, 1}, {2, 2}, input.data(), out.data());
  EXPECT_EQ(out, (std::vector<float>{11, 12, 21, 22}));
}

TEST(SliceTest, NhwcSpatialCrop) {
  // [1,3,3,2]: value = 100*h + 10*w + c; crop rows 1..2, column 2, both channels.
  std::vector<float> input;
  for (int h = 0; h < 3; ++h)
    for (int w = 0; w < 3; ++w)
      for (int c = 0; c < 2; ++c)
        input.push_back(static_cast<float>(100 * h + 10 * w + c));
  std::vector<float> out(4);
  slice<float>({1, 3, 3, 2}, std::vector<int32_t>{0, 1, 2, 0}, {1, 2, 1, 2}, input.data(),
               out.data());
  EXPECT_EQ(out, (std::vector<float>{120, 121, 220, 221}));
}

TEST(SliceTest, IntegerBoolScalarAndEmpty) {
  const std::vector<int64_t> wide = {1, 2, 3, 4};
  std::vector<int64_t> wide_out(2);
  slice<int64_t>({4}, std::vector<int32_t>{2}, {2}, wide.data(), wide_out.data());
  EXPECT_EQ(wide_out, (std::vector<int64_t>{3, 4}));

  const bool flags[] = {false, true};
  bool flag = false;
  slice<bool>({}, std::vector<int32_t>{}, {}, flags + 1, &flag);
  EXPECT_TRUE(flag);

  std::vector<int32_t> none(1, -1);
  const std::vector<int32_t> values = {5, 6};
  slice<int32_t>({2}, std::vector<int32_t>{1}, {0}, values.data(), none.data());
  EXPECT_EQ(none[0], -1);
}

} // namespace
} // namespace qgold::interp::kernels
