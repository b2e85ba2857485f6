#include "interp/kernels/padding.h"

#include <gtest/gtest.h>

namespace qgold::interp::kernels {
namespace {

using ir::Padding;

TEST(PaddingTest, SameOutputIsInputOverStrideRoundedUp) {
  EXPECT_EQ(conv_output_size(Padding::Same, 5, 3, 1, 1), 5);
  EXPECT_EQ(conv_output_size(Padding::Same, 5, 3, 2, 1), 3);
  EXPECT_EQ(conv_output_size(Padding::Same, 4, 2, 2, 1), 2);
}

TEST(PaddingTest, ValidOutputCountsWholeWindows) {
  EXPECT_EQ(conv_output_size(Padding::Valid, 5, 3, 1, 1), 3);
  EXPECT_EQ(conv_output_size(Padding::Valid, 5, 3, 2, 1), 2);
  EXPECT_EQ(conv_output_size(Padding::Valid, 6, 3, 2, 1), 2);
  // Dilation 2 widens a 3-tap filter to 5.
  EXPECT_EQ(conv_output_size(Padding::Valid, 5, 3, 1, 2), 1);
  // A filter larger than the input leaves nothing.
  EXPECT_EQ(conv_output_size(Padding::Valid, 2, 3, 1, 1), 0);
}

TEST(PaddingTest, SameOddKernelPadsSymmetrically) {
  // in 5, filter 3, stride 1 -> out 5, total padding 2, one before.
  EXPECT_EQ(conv_padding_before(1, 1, 5, 3, 5), 1);
}

TEST(PaddingTest, SameEvenKernelPutsTheExtraElementAfter) {
  // in 4, filter 2, stride 1 -> out 4, total padding 1, none before.
  EXPECT_EQ(conv_padding_before(1, 1, 4, 2, 4), 0);
  // in 4, filter 4, stride 1 -> total padding 3, one before.
  EXPECT_EQ(conv_padding_before(1, 1, 4, 4, 4), 1);
}

TEST(PaddingTest, SameStrideTwo) {
  // in 5, filter 3, stride 2 -> out 3, total (3-1)*2+3-5 = 2, one before.
  EXPECT_EQ(conv_padding_before(2, 1, 5, 3, 3), 1);
  // in 4, filter 3, stride 2 -> out 2, total 2+3-4 = 1, none before.
  EXPECT_EQ(conv_padding_before(2, 1, 4, 3, 2), 0);
}

TEST(PaddingTest, SameDilationTwo) {
  // in 5, filter 3 dilated to 5, out 5 -> total 4, two before.
  EXPECT_EQ(conv_padding_before(1, 2, 5, 3, 5), 2);
}

TEST(PaddingTest, ValidNeverPads) {
  EXPECT_EQ(conv_padding_before(2, 1, 6, 3, 2), 0);
  EXPECT_EQ(conv_padding_before(1, 1, 5, 3, 3), 0);
}

} // namespace
} // namespace qgold::interp::kernels
