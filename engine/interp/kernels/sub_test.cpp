#include "interp/kernels/sub.h"

#include <gtest/gtest.h>

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

} // namespace
} // namespace qgold::interp::kernels
