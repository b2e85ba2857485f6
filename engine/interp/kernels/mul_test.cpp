#include "interp/kernels/mul.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace qgold::interp::kernels {
namespace {

std::vector<float> run(const MulParams &params, const ir::Shape &x_shape,
                       const std::vector<float> &x, const ir::Shape &y_shape,
                       const std::vector<float> &y, const ir::Shape &out_shape) {
  std::vector<float> out(ir::num_elements(out_shape), -999.0f);
  mul(params, x_shape, x.data(), y_shape, y.data(), out_shape, out.data());
  return out;
}

TEST(MulTest, ChannelScaleBroadcastsOverNhwc) {
  auto out = run({}, {1, 2, 2, 3}, {1, 1, 1, 2, 2, 2, 3, 3, 3, -1, -1, -1}, {3}, {1, 0.5f, -2},
                 {1, 2, 2, 3});
  EXPECT_EQ(out, (std::vector<float>{1, 0.5f, -2, 2, 1, -4, 3, 1.5f, -6, -1, -0.5f, 2}));
}

TEST(MulTest, SingleElementTensor) {
  auto out = run({}, {1, 1, 2, 2}, {1, 2, 3, 4}, {1, 1, 1, 1}, {3}, {1, 1, 2, 2});
  EXPECT_EQ(out, (std::vector<float>{3, 6, 9, 12}));
}

TEST(MulTest, ColumnTimesRowIsAnOuterProduct) {
  auto out = run({}, {2, 1}, {1, 2}, {1, 3}, {10, 20, 30}, {2, 3});
  EXPECT_EQ(out, (std::vector<float>{10, 20, 30, 20, 40, 60}));
}

TEST(MulTest, FusedReluN1To1) {
  auto out = run({ir::Activation::ReluN1To1}, {3}, {1, 1, 1}, {3}, {-3, 0.25f, 3}, {3});
  EXPECT_EQ(out, (std::vector<float>{-1, 0.25f, 1}));
}

TEST(MulTest, Int32WrapsAroundAndClampsWithRelu) {
  const std::vector<int32_t> x = {65536, -3, 4}, y = {65536, 2, 5};
  std::vector<int32_t> out(3);
  mul(MulParams{}, {3}, x.data(), {3}, y.data(), {3}, out.data());
  EXPECT_EQ(out, (std::vector<int32_t>{0, -6, 20})); // 2^32 wraps to 0
  mul(MulParams{ir::Activation::Relu}, {3}, x.data(), {3}, y.data(), {3}, out.data());
  EXPECT_EQ(out, (std::vector<int32_t>{0, 0, 20}));
}

TEST(MulTest, Int64WrapsAround) {
  const std::vector<int64_t> x = {int64_t{1} << 62, -(int64_t{1} << 31)}, y = {4, int64_t{1} << 31};
  std::vector<int64_t> out(2);
  mul(MulParams{}, {2}, x.data(), {2}, y.data(), {2}, out.data());
  EXPECT_EQ(out, (std::vector<int64_t>{0, -(int64_t{1} << 62)}));
}

} // namespace
} // namespace qgold::interp::kernels
