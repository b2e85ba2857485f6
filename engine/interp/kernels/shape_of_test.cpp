#include "interp/kernels/shape_of.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(ShapeOfTest, DimsInOrder) {
  std::vector<int32_t> out(4, -1);
  shape_of<int32_t>({1, 8, 6, 3}, out.data());
  EXPECT_EQ(out, (std::vector<int32_t>{1, 8, 6, 3}));
  std::vector<int64_t> wide(2, -1);
  shape_of<int64_t>({0, 2147483647}, wide.data());
  EXPECT_EQ(wide, (std::vector<int64_t>{0, 2147483647}));
}

TEST(ShapeOfTest, ScalarHasNoDims) {
  int32_t untouched = -1;
  shape_of<int32_t>({}, &untouched);
  EXPECT_EQ(untouched, -1);
}

} // namespace
} // namespace qgold::interp::kernels
