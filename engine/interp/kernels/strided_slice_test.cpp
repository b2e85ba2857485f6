#include "interp/kernels/strided_slice.h"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

namespace qgold::interp::kernels {
namespace {

// Runs StridedSlice on iota data (0, 1, 2, ... in row-major order).
struct Sliced {
  ir::Shape shape;
  std::vector<int32_t> values;
};

Sliced run(const ir::Shape &input_shape, const ir::StridedSliceSpec &spec) {
  std::string error;
  const ir::StridedSliceGeometry g = ir::strided_slice_geometry(input_shape, spec, error);
  EXPECT_EQ(error, "");
  std::vector<int32_t> input(static_cast<size_t>(ir::num_elements(input_shape)));
  std::iota(input.begin(), input.end(), 0);
  Sliced out{g.output(), {}};
  out.values.assign(static_cast<size_t>(ir::num_elements(out.shape)), -1);
  strided_slice<int32_t>(g, input.data(), out.values.data());
  return out;
}

ir::StridedSliceSpec spec(std::vector<int32_t> begin, std::vector<int32_t> end,
                          std::vector<int32_t> strides) {
  return {std::move(begin), std::move(end), std::move(strides)};
}

TEST(StridedSliceTest, ForwardStride) {
  const Sliced out = run({8}, spec({1}, {7}, {2}));
  EXPECT_EQ(out.shape, (ir::Shape{3}));
  EXPECT_EQ(out.values, (std::vector<int32_t>{1, 3, 5}));
}

TEST(StridedSliceTest, NegativeStrideStopsBeforeEnd) {
  // x[-1:0:-1] of 5 elements: 4, 3, 2, 1 (the end index is excluded).
  const Sliced out = run({5}, spec({-1}, {0}, {-1}));
  EXPECT_EQ(out.values, (std::vector<int32_t>{4, 3, 2, 1}));
}

TEST(StridedSliceTest, NegativeStrideWithMasksReversesAll) {
  // x[::-2] of 5 elements: begin and end masked, so from the last to before the first.
  ir::StridedSliceSpec s = spec({0}, {0}, {-2});
  s.begin_mask = s.end_mask = 1;
  EXPECT_EQ(run({5}, s).values, (std::vector<int32_t>{4, 2, 0}));
  // x[:1:-1]: masked begin is the last element; stop 1 excluded.
  s = spec({0}, {1}, {-1});
  s.begin_mask = 1;
  EXPECT_EQ(run({5}, s).values, (std::vector<int32_t>{4, 3, 2}));
  // x[2::-1]: masked end goes down to index 0 included.
  s = spec({2}, {0}, {-1});
  s.end_mask = 1;
  EXPECT_EQ(run({5}, s).values, (std::vector<int32_t>{2, 1, 0}));
}

TEST(StridedSliceTest, OutOfRangeIndicesAreClamped) {
  EXPECT_EQ(run({5}, spec({-10}, {10}, {1})).values, (std::vector<int32_t>{0, 1, 2, 3, 4}));
  EXPECT_EQ(run({5}, spec({10}, {-10}, {-1})).values, (std::vector<int32_t>{4, 3, 2, 1, 0}));
  const Sliced empty = run({5}, spec({10}, {20}, {1}));
  EXPECT_EQ(empty.shape, (ir::Shape{0}));
  // begin after end with a positive stride: empty, not negative.
  EXPECT_EQ(run({5}, spec({3}, {1}, {1})).shape, (ir::Shape{0}));
}

TEST(StridedSliceTest, BeginAndEndMasksPerDim) {
  // [3,4] = 4*r + c; x[1:, :3] written as begin [1,0] end [0,3] with end_mask on dim 0.
  ir::StridedSliceSpec s = spec({1, 0}, {0, 3}, {1, 1});
  s.end_mask = 1;
  const Sliced out = run({3, 4}, s);
  EXPECT_EQ(out.shape, (ir::Shape{2, 3}));
  EXPECT_EQ(out.values, (std::vector<int32_t>{4, 5, 6, 8, 9, 10}));
  // begin_mask on dim 1 ignores its begin value 2.
  s = spec({0, 2}, {2, 2}, {1, 1});
  s.begin_mask = 2;
  EXPECT_EQ(run({3, 4}, s).values, (std::vector<int32_t>{0, 1, 4, 5}));
}

TEST(StridedSliceTest, ShrinkAxisDropsTheDim) {
  // x[:, 2] of [3,4]: shape [3].
  ir::StridedSliceSpec s = spec({0, 2}, {3, 3}, {1, 1});
  s.shrink_axis_mask = 2;
  Sliced out = run({3, 4}, s);
  EXPECT_EQ(out.shape, (ir::Shape{3}));
  EXPECT_EQ(out.values, (std::vector<int32_t>{2, 6, 10}));
  // x[1, -1]: a scalar; the end values do not matter.
  s = spec({1, -1}, {0, 0}, {1, 1});
  s.shrink_axis_mask = 3;
  out = run({3, 4}, s);
  EXPECT_EQ(out.shape, (ir::Shape{}));
  EXPECT_EQ(out.values, (std::vector<int32_t>{7}));
}

TEST(StridedSliceTest, ShortSpecTakesTheRemainingDimsWhole) {
  // x[1:2] of [3,2]: dim 1 is not named.
  const Sliced out = run({3, 2}, spec({1}, {2}, {1}));
  EXPECT_EQ(out.shape, (ir::Shape{1, 2}));
  EXPECT_EQ(out.values, (std::vector<int32_t>{2, 3}));
}

TEST(StridedSliceTest, EllipsisExpandsOverTheLeadingDims) {
  // x[..., 1:3] of [2,3,4] -> [2,3,2].
  ir::StridedSliceSpec s = spec({0, 1}, {0, 3}, {1, 1});
  s.ellipsis_mask = 1;
  const Sliced out = run({2, 3, 4}, s);
  EXPECT_EQ(out.shape, (ir::Shape{2, 3, 2}));
  std::vector<int32_t> expected;
  for (int32_t row = 0; row < 6; ++row)
    expected.insert(expected.end(), {4 * row + 1, 4 * row + 2});
  EXPECT_EQ(out.values, expected);
}

TEST(StridedSliceTest, EllipsisInTheMiddleWithShrink) {
  // x[1, ..., ::-1] of [2,2,3] -> [2,3]: batch 1, every row reversed.
  ir::StridedSliceSpec s = spec({1, 0, 0}, {2, 0, 0}, {1, 1, -1});
  s.ellipsis_mask = 2;
  s.shrink_axis_mask = 1;
  s.begin_mask = s.end_mask = 4;
  const Sliced out = run({2, 2, 3}, s);
  EXPECT_EQ(out.shape, (ir::Shape{2, 3}));
  EXPECT_EQ(out.values, (std::vector<int32_t>{8, 7, 6, 11, 10, 9}));
}

TEST(StridedSliceTest, NewAxisInsertsADimOfOne) {
  // x[newaxis, :] of [2,3] -> [1,2,3].
  ir::StridedSliceSpec s = spec({0, 0}, {0, 0}, {1, 1});
  s.new_axis_mask = 1;
  s.begin_mask = s.end_mask = 2;
  Sliced out = run({2, 3}, s);
  EXPECT_EQ(out.shape, (ir::Shape{1, 2, 3}));
  EXPECT_EQ(out.values, (std::vector<int32_t>{0, 1, 2, 3, 4, 5}));
  // x[..., newaxis] -> [2,3,1].
  s = spec({0, 0}, {0, 0}, {1, 1});
  s.ellipsis_mask = 1;
  s.new_axis_mask = 2;
  out = run({2, 3}, s);
  EXPECT_EQ(out.shape, (ir::Shape{2, 3, 1}));
  EXPECT_EQ(out.values, (std::vector<int32_t>{0, 1, 2, 3, 4, 5}));
  // x[:, newaxis, ::2] -> [2,1,2]: the spec index after the new axis names input dim 1.
  s = spec({0, 0, 0}, {0, 0, 0}, {1, 1, 2});
  s.new_axis_mask = 2;
  s.begin_mask = s.end_mask = 5;
  out = run({2, 3}, s);
  EXPECT_EQ(out.shape, (ir::Shape{2, 1, 2}));
  EXPECT_EQ(out.values, (std::vector<int32_t>{0, 2, 3, 5}));
}

TEST(StridedSliceTest, NewAxisUnderTheEllipsisBitIsIgnored) {
  // Both bits on spec entry 0: the ellipsis wins (TFLite's BuildStridedSliceParams).
  ir::StridedSliceSpec s = spec({0}, {0}, {1});
  s.ellipsis_mask = s.new_axis_mask = 1;
  const Sliced out = run({2, 2}, s);
  EXPECT_EQ(out.shape, (ir::Shape{2, 2}));
}

TEST(StridedSliceTest, FloatNhwcChannelStride) {
  // [1,1,2,4] take every second channel from 1: x[..., 1::2].
  const std::vector<float> input = {0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f, 7.5f};
  ir::StridedSliceSpec s = spec({0, 1}, {0, 0}, {1, 2});
  s.ellipsis_mask = 1;
  s.end_mask = 2;
  std::string error;
  const auto g = ir::strided_slice_geometry({1, 1, 2, 4}, s, error);
  ASSERT_EQ(error, "");
  EXPECT_EQ(g.output(), (ir::Shape{1, 1, 2, 2}));
  std::vector<float> out(4);
  strided_slice<float>(g, input.data(), out.data());
  EXPECT_EQ(out, (std::vector<float>{1.5f, 3.5f, 5.5f, 7.5f}));
}

TEST(StridedSliceTest, InvalidSpecsAreErrors) {
  std::string error;
  ir::strided_slice_geometry({4}, spec({0}, {4}, {0}), error);
  EXPECT_NE(error.find("non-zero"), std::string::npos) << error;
  error.clear();
  ir::strided_slice_geometry({4}, spec({0, 0}, {4}, {1}), error);
  EXPECT_NE(error.find("same length"), std::string::npos) << error;
  error.clear();
  ir::StridedSliceSpec s = spec({4}, {5}, {1});
  s.shrink_axis_mask = 1;
  ir::strided_slice_geometry({4}, s, error);
  EXPECT_NE(error.find("outside"), std::string::npos) << error;
  error.clear();
  s = spec({1}, {0}, {-1});
  s.shrink_axis_mask = 1;
  ir::strided_slice_geometry({4}, s, error);
  EXPECT_NE(error.find("negative stride"), std::string::npos) << error;
}

} // namespace
} // namespace qgold::interp::kernels
