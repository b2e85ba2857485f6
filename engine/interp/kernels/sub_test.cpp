#include "interp/kernels/sub.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace qgold::interp::kernels {
namespace {

std::vector<float> run(const SubParams &params, const ir::Shape &x_shape,
                       const std::vector<float> &x, const ir::Shape &y_shape,
                       const std::vector<float> &y, const ir::Shape &out_shape) {
  std::vector<float> out(ir::num_elements(out_shape), -999.0f);
  sub(params, x_shape, x.data(), y_shape, y.data(), out_shape, out.data());
  return out;
}

TEST(SubTest, SubtractsSecondOperandFromFirst) {
  auto out = run({}, {1, 2, 2, 3}, {10, 20, 30, 11, 21, 31, 12, 22, 32, 13, 23, 33}, {3}, {1, 2, 3},
                 {1, 2, 2, 3});
  EXPECT_EQ(out, (std::vector<float>{9, 18, 27, 10, 19, 28, 11, 20, 29, 12, 21, 30}));
}

TEST(SubTest, BroadcastScalarOnTheLeft) {
  auto out = run({}, {1, 1, 1, 1}, {1}, {1, 1, 2, 2}, {1, 2, 3, 4}, {1, 1, 2, 2});
  EXPECT_EQ(out, (std::vector<float>{0, -1, -2, -3}));
}

TEST(SubTest, ColumnMinusRow) {
  auto out = run({}, {2, 1}, {1, 2}, {1, 3}, {10, 20, 30}, {2, 3});
  EXPECT_EQ(out, (std::vector<float>{-9, -19, -29, -8, -18, -28}));
}

TEST(SubTest, FusedRelu) {
  auto out = run({ir::Activation::Relu}, {2}, {1, 5}, {2}, {3, 3}, {2});
  EXPECT_EQ(out, (std::vector<float>{0, 2}));
}

TEST(SubTest, Int32WrapsAroundAndClampsWithReluN1To1) {
  const std::vector<int32_t> x = {-2147483647 - 1, 3, 5}, y = {1, 3, 2};
  std::vector<int32_t> out(3);
  sub(SubParams{}, {3}, x.data(), {3}, y.data(), {3}, out.data());
  EXPECT_EQ(out, (std::vector<int32_t>{2147483647, 0, 3}));
  sub(SubParams{ir::Activation::ReluN1To1}, {3}, x.data(), {3}, y.data(), {3}, out.data());
  EXPECT_EQ(out, (std::vector<int32_t>{1, 0, 1}));
}

TEST(SubTest, Int64ColumnMinusRow) {
  const std::vector<int64_t> x = {100, 200}, y = {1, 2, 3};
  std::vector<int64_t> out(6);
  sub(SubParams{}, {2, 1}, x.data(), {1, 3}, y.data(), {2, 3}, out.data());
  EXPECT_EQ(out, (std::vector<int64_t>{99, 98, 97, 199, 198, 197}));
}

} // namespace
} // namespace qgold::interp::kernels
