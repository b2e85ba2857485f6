#include "interp/kernels/resize_bilinear.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

std::vector<float> run(bool align_corners, bool half_pixel_centers, const ir::Shape &in_shape,
                       const std::vector<float> &input, const ir::Shape &out_shape) {
  std::vector<float> out(ir::num_elements(out_shape), -999.0f);
  resize_bilinear({align_corners, half_pixel_centers}, in_shape, input.data(), out_shape,
                  out.data());
  return out;
}

// The plane f(y, x) = 1 + 2y + x sampled on a 2x2 grid: bilinear resizing
// reproduces it at the effective source coordinates of each mode.
const std::vector<float> kPlane = {1, 2, 3, 4};

std::vector<float> plane_at(const std::vector<float> &ys, const std::vector<float> &xs) {
  std::vector<float> out;
  for (float y : ys)
    for (float x : xs)
      out.push_back(1 + 2 * y + x);
  return out;
}

TEST(ResizeBilinearTest, DefaultScalesByInOverOutAndClampsTheUpperTap) {
  // 2 -> 4: source 0, 0.5, 1, 1.5; at 1.5 both taps are pixel 1.
  EXPECT_EQ(run(false, false, {1, 2, 2, 1}, kPlane, {1, 4, 4, 1}),
            plane_at({0, 0.5f, 1, 1}, {0, 0.5f, 1, 1}));
}

TEST(ResizeBilinearTest, AlignCornersMapsCornerToCorner) {
  // 2 -> 3: scale (2-1)/(3-1) = 0.5, source 0, 0.5, 1.
  EXPECT_EQ(run(true, false, {1, 2, 2, 1}, kPlane, {1, 3, 3, 1}),
            plane_at({0, 0.5f, 1}, {0, 0.5f, 1}));
  // An output of size 1 keeps in/out as the scale: source 0.
  EXPECT_EQ(run(true, false, {1, 2, 2, 1}, kPlane, {1, 1, 1, 1}), (std::vector<float>{1}));
}

TEST(ResizeBilinearTest, HalfPixelCentersShiftAndClampAtTheBorders) {
  // 2 -> 4: source (v + 0.5) * 0.5 - 0.5 = -0.25, 0.25, 0.75, 1.25. At -0.25
  // both taps are pixel 0 (weights 1.25 and -0.25), at 1.25 both are pixel 1.
  EXPECT_EQ(run(false, true, {1, 2, 2, 1}, kPlane, {1, 4, 4, 1}),
            plane_at({0, 0.25f, 0.75f, 1}, {0, 0.25f, 0.75f, 1}));
}

TEST(ResizeBilinearTest, DownscalingPerMode) {
  // One row 0..3 ([1,1,4,1]) to width 2.
  const std::vector<float> row = {0, 10, 20, 30};
  // Default: scale 2, source 0 and 2.
  EXPECT_EQ(run(false, false, {1, 1, 4, 1}, row, {1, 1, 2, 1}), (std::vector<float>{0, 20}));
  // Half-pixel: source 0.5 and 2.5.
  EXPECT_EQ(run(false, true, {1, 1, 4, 1}, row, {1, 1, 2, 1}), (std::vector<float>{5, 25}));
  // Align corners: scale 3, source 0 and 3.
  EXPECT_EQ(run(true, false, {1, 1, 4, 1}, row, {1, 1, 2, 1}), (std::vector<float>{0, 30}));
}

TEST(ResizeBilinearTest, NonIntegerScaleWeightsTheTaps) {
  // Width 3 -> 2: scale 1.5, source 0 and 1.5 (halfway between 20 and 40).
  EXPECT_EQ(run(false, false, {1, 1, 3, 1}, {0, 20, 40}, {1, 1, 2, 1}),
            (std::vector<float>{0, 30}));
}

TEST(ResizeBilinearTest, ChannelsAndBatchesAreApart) {
  // [2,1,2,2] -> width 3, align corners: each (batch, channel) row on its own.
  const std::vector<float> x = {0, 100, 2, 200, //
                                -4, 1, 4, 3};
  EXPECT_EQ(run(true, false, {2, 1, 2, 2}, x, {2, 1, 3, 2}),
            (std::vector<float>{0, 100, 1, 150, 2, 200, -4, 1, 0, 2, 4, 3}));
}

TEST(ResizeBilinearTest, SumsTheFourProductsInTFLitesOrder) {
  // Taps (y0,x0) = 1e8, (y1,x0) = 1, (y0,x1) = -1e8, (y1,x1) = 1 with weights
  // 0.25 each: ((2.5e7 + 0.25) - 2.5e7) + 0.25 = 0.25, since 2.5e7 + 0.25 rounds
  // back to 2.5e7. Any other grouping gives 0 or 0.5.
  const std::vector<float> x = {1e8f, -1e8f, 1, 1};
  const auto out = run(false, false, {1, 2, 2, 1}, x, {1, 4, 4, 1});
  EXPECT_EQ(out[5], 0.25f);
}

} // namespace
} // namespace qgold::interp::kernels
