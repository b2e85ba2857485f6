#include "interp/kernels/broadcast.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(BroadcastTest, StridesAreZeroForRepeatedDimensions) {
  EXPECT_EQ(broadcast_strides({2, 1, 3}, 3), (std::vector<int64_t>{3, 0, 1}));
  // [3] seen as rank 4: only the last dimension moves.
  EXPECT_EQ(broadcast_strides({3}, 4), (std::vector<int64_t>{0, 0, 0, 1}));
}

TEST(BroadcastTest, ShapeIsRightAlignedMaximum) {
  EXPECT_EQ(broadcast_shape({1, 2, 2, 3}, {3}), (ir::Shape{1, 2, 2, 3}));
  EXPECT_EQ(broadcast_shape({2, 2}, {1, 1, 1, 1}), (ir::Shape{1, 1, 2, 2}));
  EXPECT_EQ(broadcast_shape({2, 1}, {1, 3}), (ir::Shape{2, 3}));
  EXPECT_EQ(broadcast_shape({}, {2, 3}), (ir::Shape{2, 3}));
  EXPECT_EQ(broadcast_shape({2}, {2, 3}), std::nullopt);
  EXPECT_EQ(broadcast_shape({4, 1}, {3, 1}), std::nullopt);
}

TEST(BroadcastTest, RankSevenOuterProduct) {
  // x varies along axis 0, y along axis 6: out[i][j] = x[i] * 10 + y[j].
  const std::vector<float> x = {1, 2};
  const std::vector<float> y = {3, 4, 5};
  std::vector<float> out(6);
  broadcast_binary({2, 1, 1, 1, 1, 1, 1}, x.data(), {3}, y.data(), {2, 1, 1, 1, 1, 1, 3},
                   out.data(), [](float a, float b) { return a * 10 + b; });
  EXPECT_EQ(out, (std::vector<float>{13, 14, 15, 23, 24, 25}));
}

TEST(BroadcastTest, MiddleDimensionRepeats) {
  // x [2,1,2] against y [1,3,1] -> out [2,3,2] = x[i][k] * 100 + y[j].
  const std::vector<float> x = {1, 2, 3, 4};
  const std::vector<float> y = {10, 20, 30};
  std::vector<float> out(12);
  broadcast_binary({2, 1, 2}, x.data(), {1, 3, 1}, y.data(), {2, 3, 2}, out.data(),
                   [](float a, float b) { return a * 100 + b; });
  EXPECT_EQ(out, (std::vector<float>{110, 210, 120, 220, 130, 230, //
                                     310, 410, 320, 420, 330, 430}));
}

TEST(BroadcastTest, IntegerOperandsAndBoolResult) {
  const std::vector<int64_t> x = {-1, 5};
  const std::vector<int32_t> y = {0, 5, 9};
  bool out[6];
  broadcast_binary({2, 1}, x.data(), {3}, y.data(), {2, 3}, out,
                   [](int64_t a, int32_t b) { return a < b; });
  EXPECT_EQ(std::vector<bool>(out, out + 6),
            (std::vector<bool>{true, true, true, false, false, true}));
}

TEST(BroadcastTest, TernaryBroadcastsEachOperandAlongItsOwnAxes) {
  // a [2,1,1], b [1,3,1], c [1,1,2] -> out [2,3,2] = a*100 + b*10 + c.
  const std::vector<float> a = {1, 2}, b = {1, 2, 3}, c = {1, 2};
  std::vector<float> out(12);
  broadcast_ternary({2, 1, 1}, a.data(), {1, 3, 1}, b.data(), {2}, c.data(), {2, 3, 2}, out.data(),
                    [](float p, float q, float r) { return p * 100 + q * 10 + r; });
  EXPECT_EQ(out, (std::vector<float>{111, 112, 121, 122, 131, 132, //
                                     211, 212, 221, 222, 231, 232}));
}

TEST(BroadcastTest, ZeroSizeOutputVisitsNothing) {
  const float x = 1;
  float out = -1;
  broadcast_binary({1}, &x, {0}, &x, {0}, &out, [](float a, float b) { return a + b; });
  EXPECT_EQ(out, -1);
}

} // namespace
} // namespace qgold::interp::kernels
