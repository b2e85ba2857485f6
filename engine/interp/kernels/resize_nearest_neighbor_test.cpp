#include "interp/kernels/resize_nearest_neighbor.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

std::vector<float> run(bool align_corners, bool half_pixel_centers, const ir::Shape &in_shape,
                       const std::vector<float> &input, const ir::Shape &out_shape) {
  std::vector<float> out(ir::num_elements(out_shape), -999.0f);
  resize_nearest_neighbor({align_corners, half_pixel_centers}, in_shape, input.data(), out_shape,
                          out.data());
  return out;
}

// One row of width 3 resized to width 5 ([1,1,3,1] -> [1,1,5,1]); the values
// are the source indices.
std::vector<float> upscale(bool align_corners, bool half_pixel_centers) {
  return run(align_corners, half_pixel_centers, {1, 1, 3, 1}, {0, 1, 2}, {1, 1, 5, 1});
}

TEST(ResizeNearestNeighborTest, UpscaleInEveryMode) {
  // scale 0.6: floor(0, 0.6, 1.2, 1.8, 2.4).
  EXPECT_EQ(upscale(false, false), (std::vector<float>{0, 0, 1, 1, 2}));
  // scale 0.5: round(0, 0.5, 1, 1.5, 2), halves away from zero.
  EXPECT_EQ(upscale(true, false), (std::vector<float>{0, 1, 1, 2, 2}));
  // scale 0.6: floor(0.3, 0.9, 1.5, 2.1, 2.7).
  EXPECT_EQ(upscale(false, true), (std::vector<float>{0, 0, 1, 2, 2}));
  // scale 0.5: round(0.25, 0.75, 1.25, 1.75, 2.25).
  EXPECT_EQ(upscale(true, true), (std::vector<float>{0, 1, 1, 2, 2}));
}

TEST(ResizeNearestNeighborTest, DownscaleInEveryMode) {
  const std::vector<float> row = {0, 1, 2, 3, 4};
  const auto down = [&](bool align, bool half) {
    return run(align, half, {1, 1, 5, 1}, row, {1, 1, 2, 1});
  };
  EXPECT_EQ(down(false, false), (std::vector<float>{0, 2})); // floor(0, 2.5)
  EXPECT_EQ(down(true, false), (std::vector<float>{0, 4}));  // scale 4: round(0, 4)
  EXPECT_EQ(down(false, true), (std::vector<float>{1, 3}));  // floor(1.25, 3.75)
  EXPECT_EQ(down(true, true), (std::vector<float>{2, 4}));   // round(2, 6) capped at 4
}

TEST(ResizeNearestNeighborTest, CopiesWholePixelsAcrossHeightAndWidth) {
  // [1,2,2,2] -> [1,3,3,2] with align corners: sources 0, 1 (round 0.5), 1 per axis.
  const std::vector<float> x = {1, -1, 2, -2, //
                                3, -3, 4, -4};
  EXPECT_EQ(run(true, false, {1, 2, 2, 2}, x, {1, 3, 3, 2}),
            (std::vector<float>{1, -1, 2, -2, 2, -2, //
                                3, -3, 4, -4, 4, -4, //
                                3, -3, 4, -4, 4, -4}));
}

} // namespace
} // namespace qgold::interp::kernels
