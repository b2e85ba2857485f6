#include "interp/kernels/add.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace qgold::interp::kernels {
namespace {

std::vector<float> run(const AddParams &params, const ir::Shape &x_shape,
                       const std::vector<float> &x, const ir::Shape &y_shape,
                       const std::vector<float> &y, const ir::Shape &out_shape) {
  std::vector<float> out(ir::num_elements(out_shape), -999.0f);
  add(params, x_shape, x.data(), y_shape, y.data(), out_shape, out.data());
  return out;
}

TEST(AddTest, ChannelVectorBroadcastsOverNhwc) {
  // x = 0..11 as [1,2,2,3]; y = [10,20,30] is added to every pixel.
  std::vector<float> x(12);
  for (int i = 0; i < 12; ++i)
    x[i] = static_cast<float>(i);
  auto out = run({}, {1, 2, 2, 3}, x, {3}, {10, 20, 30}, {1, 2, 2, 3});
  EXPECT_EQ(out, (std::vector<float>{10, 21, 32, 13, 24, 35, 16, 27, 38, 19, 30, 41}));
}

TEST(AddTest, SingleElementTensorRaisesRank) {
  auto out = run({}, {2, 2}, {1, 2, 3, 4}, {1, 1, 1, 1}, {10}, {1, 1, 2, 2});
  EXPECT_EQ(out, (std::vector<float>{11, 12, 13, 14}));
}

TEST(AddTest, ColumnPlusRowIsAnOuterSum) {
  auto out = run({}, {2, 1}, {1, 2}, {1, 3}, {10, 20, 30}, {2, 3});
  EXPECT_EQ(out, (std::vector<float>{11, 21, 31, 12, 22, 32}));
}

TEST(AddTest, FusedRelu6) {
  auto out = run({ir::Activation::Relu6}, {3}, {-5, 1, 5}, {3}, {1, 1, 5}, {3});
  EXPECT_EQ(out, (std::vector<float>{0, 2, 6}));
}

TEST(AddTest, Int32WrapsAroundAndClampsWithRelu6) {
  const std::vector<int32_t> x = {2147483647, -3, 4}, y = {1, 2, 1};
  std::vector<int32_t> out(3);
  add(AddParams{}, {3}, x.data(), {3}, y.data(), {3}, out.data());
  EXPECT_EQ(out, (std::vector<int32_t>{-2147483647 - 1, -1, 5}));
  add(AddParams{ir::Activation::Relu6}, {3}, x.data(), {3}, y.data(), {3}, out.data());
  EXPECT_EQ(out, (std::vector<int32_t>{0, 0, 5}));
}

TEST(AddTest, Int64BroadcastsAScalar) {
  const std::vector<int64_t> x = {int64_t{1} << 40, -5}, y = {7};
  std::vector<int64_t> out(2);
  add(AddParams{}, {2}, x.data(), {}, y.data(), {2}, out.data());
  EXPECT_EQ(out, (std::vector<int64_t>{(int64_t{1} << 40) + 7, 2}));
}

} // namespace
} // namespace qgold::interp::kernels
