#include "interp/kernels/comparison.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

namespace qgold::interp::kernels {
namespace {

template <typename T>
std::vector<bool> run(Comparison comparison, const ir::Shape &x_shape, const std::vector<T> &x,
                      const ir::Shape &y_shape, const std::vector<T> &y,
                      const ir::Shape &out_shape) {
  bool out[16];
  compare({comparison}, x_shape, x.data(), y_shape, y.data(), out_shape, out);
  return std::vector<bool>(out, out + ir::num_elements(out_shape));
}

TEST(ComparisonTest, EachComparisonAgainstABroadcastScalar) {
  const std::vector<float> x = {1, 2, 3};
  const std::vector<float> two = {2};
  EXPECT_EQ(run(Comparison::Equal, {3}, x, {}, two, {3}), (std::vector<bool>{0, 1, 0}));
  EXPECT_EQ(run(Comparison::NotEqual, {3}, x, {}, two, {3}), (std::vector<bool>{1, 0, 1}));
  EXPECT_EQ(run(Comparison::Greater, {3}, x, {}, two, {3}), (std::vector<bool>{0, 0, 1}));
  EXPECT_EQ(run(Comparison::GreaterEqual, {3}, x, {}, two, {3}), (std::vector<bool>{0, 1, 1}));
  EXPECT_EQ(run(Comparison::Less, {3}, x, {}, two, {3}), (std::vector<bool>{1, 0, 0}));
  EXPECT_EQ(run(Comparison::LessEqual, {3}, x, {}, two, {3}), (std::vector<bool>{1, 1, 0}));
}

TEST(ComparisonTest, NanComparesFalseExceptNotEqual) {
  const std::vector<float> x = {NAN}, y = {NAN};
  for (Comparison c : {Comparison::Equal, Comparison::Greater, Comparison::GreaterEqual,
                       Comparison::Less, Comparison::LessEqual})
    EXPECT_EQ(run(c, {1}, x, {1}, y, {1}), (std::vector<bool>{false}));
  EXPECT_EQ(run(Comparison::NotEqual, {1}, x, {1}, y, {1}), (std::vector<bool>{true}));
}

TEST(ComparisonTest, IntegersAndOuterBroadcast) {
  const std::vector<int32_t> column = {-1, 5}, row = {0, 5, 9};
  EXPECT_EQ(run(Comparison::Less, {2, 1}, column, {1, 3}, row, {2, 3}),
            (std::vector<bool>{1, 1, 1, 0, 0, 1}));
  const std::vector<int64_t> big = {int64_t{1} << 40, (int64_t{1} << 40) + 1};
  const std::vector<int64_t> ref = {(int64_t{1} << 40) + 1};
  EXPECT_EQ(run(Comparison::Equal, {2}, big, {1}, ref, {2}), (std::vector<bool>{0, 1}));
}

} // namespace
} // namespace qgold::interp::kernels
