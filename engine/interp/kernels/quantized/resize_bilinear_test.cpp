#include "interp/kernels/quantized/resize_bilinear.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

template <typename T>
std::vector<T> resize(ResizeBilinearParams params, const ir::Shape &in_shape,
                      const std::vector<T> &input, const ir::Shape &out_shape) {
  std::vector<T> output(static_cast<size_t>(ir::num_elements(out_shape)));
  resize_bilinear(params, in_shape, input.data(), out_shape, output.data());
  return output;
}

TEST(QuantizedResizeBilinear, Uint8InterpolatesCodesInFloatAndRoundsHalfUp) {
  // 2x2 -> 4x4, source coordinates 0, 0.5, 1, 1.5 (the last clamped to the edge).
  const std::vector<uint8_t> out = resize<uint8_t>({}, {1, 2, 2, 1}, {0, 10, 20, 31}, {1, 4, 4, 1});
  EXPECT_EQ((std::vector<uint8_t>(out.begin(), out.begin() + 4)),
            (std::vector<uint8_t>{0, 5, 10, 10}));
  // Row 0.5: 10; (0 + 10 + 20 + 31) / 4 = 15.25 -> 15; (10 + 31) / 2 = 20.5 -> 21.
  EXPECT_EQ((std::vector<uint8_t>(out.begin() + 4, out.begin() + 8)),
            (std::vector<uint8_t>{10, 15, 21, 21}));
}

TEST(QuantizedResizeBilinear, Int8InFixedPointRoundsHalfAwayFromZero) {
  // The same grid, negated: the 20.5 of the uint8 case becomes -21, not -20.
  const std::vector<int8_t> out =
      resize<int8_t>({}, {1, 2, 2, 1}, {0, -10, -20, -31}, {1, 4, 4, 1});
  EXPECT_EQ((std::vector<int8_t>(out.begin() + 4, out.begin() + 8)),
            (std::vector<int8_t>{-10, -15, -21, -21}));
}

TEST(QuantizedResizeBilinear, HalfPixelCentersInFixedPoint) {
  // 2 -> 4 wide: sources -0.25 (both taps 0), 0.25, 0.75, 1.25 (both taps 1).
  EXPECT_EQ(resize<int8_t>({false, true}, {1, 1, 2, 1}, {0, 100}, {1, 1, 4, 1}),
            (std::vector<int8_t>{0, 25, 75, 100}));
}

TEST(QuantizedResizeBilinear, Int16AlignCorners) {
  // 3 -> 5 wide with the corners aligned: sources 0, 0.5, 1, 1.5, 2; two channels.
  EXPECT_EQ(resize<int16_t>({true, false}, {1, 1, 3, 2}, {0, 7, 1000, 7, -3000, 7}, {1, 1, 5, 2}),
            (std::vector<int16_t>{0, 7, 500, 7, 1000, 7, -1000, 7, -3000, 7}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
