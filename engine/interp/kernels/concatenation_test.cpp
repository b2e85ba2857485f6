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
  concatenation<float>({-1}, shapes, inputs, {2, 3}, out.data());
  EXPECT_EQ(out, (std::vector<float>{1, 10, 11, 2, 20, 21}));
}

TEST(ConcatenationTest, FirstAxisAppends) {
  const std::vector<float> a = {1, 2};
  const std::vector<float> b = {3, 4, 5, 6};
  const std::vector<ir::Shape> shapes = {{1, 2}, {2, 2}};
  const std::vector<const float *> inputs = {a.data(), b.data()};
  std::vector<float> out(6);
  concatenation<float>({0}, shapes, inputs, {3, 2}, out.data());
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
  concatenation<float>({1, ir::Activation::Relu}, shapes, inputs, {1, 4, 2}, out.data());
  EXPECT_EQ(out, (std::vector<float>{1, 0, 2, 0, 3, 0, 4, 0}));
}

TEST(ConcatenationTest, Int32ShapeVectorsAppend) {
  // Shape arithmetic: [2] + [1] int32 along axis 0 (a converter's "concat the batch dim").
  const std::vector<int32_t> a = {1, 7};
  const std::vector<int32_t> b = {-1};
  const std::vector<ir::Shape> shapes = {{2}, {1}};
  const std::vector<const int32_t *> inputs = {a.data(), b.data()};
  std::vector<int32_t> out(3);
  concatenation<int32_t>({0}, shapes, inputs, {3}, out.data());
  EXPECT_EQ(out, (std::vector<int32_t>{1, 7, -1}));
}

TEST(ConcatenationTest, Int64AndBoolAlongTheLastAxis) {
  const std::vector<int64_t> a = {INT64_MAX, 2};
  const std::vector<int64_t> b = {INT64_MIN, 4};
  const std::vector<ir::Shape> shapes = {{2, 1}, {2, 1}};
  std::vector<int64_t> out(4);
  concatenation<int64_t>({-1}, shapes, std::vector<const int64_t *>{a.data(), b.data()}, {2, 2},
                         out.data());
  EXPECT_EQ(out, (std::vector<int64_t>{INT64_MAX, INT64_MIN, 2, 4}));

  const bool x[] = {true, false}, y[] = {false, true};
  bool joined[4] = {};
  concatenation<bool>({1}, shapes, std::vector<const bool *>{x, y}, {2, 2}, joined);
  EXPECT_EQ(std::vector<bool>(joined, joined + 4), (std::vector<bool>{true, false, false, true}));
}

TEST(ConcatenationTest, ZeroSizedInputContributesNothing) {
  const std::vector<float> a = {1, 2};
  const std::vector<ir::Shape> shapes = {{1, 2}, {1, 0}};
  const std::vector<const float *> inputs = {a.data(), nullptr};
  std::vector<float> out(2, -1.0f);
  concatenation<float>({1}, shapes, inputs, {1, 2}, out.data());
  EXPECT_EQ(out, a);
}

} // namespace
} // namespace qgold::interp::kernels
