#include "interp/kernels/concatenation.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(ConcatenationTest, LastAxisInterleavesRows) {
  // [2,1] and [2,2] along axis 1 (given as -1).
  const std::vector<float> a = {1, 2};
  const std::vector<float> b = {10, 11, 20, 21};
  const std::vector<ir::Shape> shapes = {{2, 1}, {2, 2}};
  const std::vector<const float *> inputs = {a.data(), b.data()};
  std::vector<float> out(6);
  concatenation({-1}, shapes, inputs, {2, 3}, out.data());
  EXPECT_EQ(out, (std::vector<float>{1, 10, 11, 2, 20, 21}));
}

TEST(ConcatenationTest, FirstAxisAppends) {
  const std::vector<float> a = {1, 2};
  const std::vector<float> b = {3, 4, 5, 6};
  const std::vector<ir::Shape> shapes = {{1, 2}, {2, 2}};
  const std::vector<const float *> inputs = {a.data(), b.data()};
  std::vector<float> out(6);
  concatenation({0}, shapes, inputs, {3, 2}, out.data());
  EXPECT_EQ(out, (std::vector<float>{1, 2, 3, 4, 5, 6}));
}

TEST(ConcatenationTest, MiddleAxisOfThreeInputsWithRelu) {
  // [1,1,2] + [1,2,2] + [1,1,2] along axis 1 -> [1,4,2].
  const std::vector<float> a = {1, -1};
  const std::vector<float> b = {2, -2, 3, -3};
  const std::vector<float> c = {4, -4};
  const std::vector<ir::Shape> shapes = {{1, 1, 2}, {1, 2, 2}, {1, 1, 2}};
  const std::vector<const float *> inputs = {a.data(), b.data(), c.data()};
  std::vector<float> out(8);
  concatenation({1, ir::Activation::Relu}, shapes, inputs, {1, 4, 2}, out.data());
  EXPECT_EQ(out, (std::vector<float>{1, 0, 2, 0, 3, 0, 4, 0}));
}

} // namespace
} // namespace qgold::interp::kernels
