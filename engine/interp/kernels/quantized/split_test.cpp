#include "interp/kernels/quantized/split.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedSplit, CopiesPartsAndRequantizesWhereParametersDiffer) {
  // [2, 2] split on axis 1: part 0 shares the input's parameters, part 1 is at
  // scale 2 (zero point 1): codes 4 and 8 (scale 1) -> 3 and 5.
  const std::vector<uint8_t> x = {1, 4, 2, 8};
  const std::vector<Requantization> requants = {requantization({1.0f, 0}, {1.0f, 0}, {0, 255}),
                                                requantization({1.0f, 0}, {2.0f, 1}, {0, 255})};
  std::vector<uint8_t> p0(2), p1(2);
  const std::vector<uint8_t *> outputs = {p0.data(), p1.data()};
  split<uint8_t>(1, requants, {2, 2}, x.data(), outputs);
  EXPECT_EQ(p0, (std::vector<uint8_t>{1, 2}));
  EXPECT_EQ(p1, (std::vector<uint8_t>{3, 5}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
