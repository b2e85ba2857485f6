#include "interp/kernels/quantized/comparison.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

std::vector<bool> run(Comparison comparison, const ComparisonQuant &q, const auto &x,
                      const ir::Shape &y_shape, const auto &y) {
  bool out[8] = {};
  const ir::Shape shape{static_cast<int32_t>(x.size())};
  compare(comparison, q, shape, x.data(), y_shape, y.data(), shape, out);
  return std::vector<bool>(out, out + x.size());
}

TEST(QuantizedComparison, OperandsCompareAsTheRealNumbersTheyStandFor) {
  // x = 0.5 (q - 10): 1.0, 1.5, 0.5; y = 0.25 q: 1.0, 1.5, 0.75.
  const ComparisonQuant q = comparison_quant({0.5f, 10}, {0.25f, 0});
  const std::vector<uint8_t> x = {12, 13, 11}, y = {4, 6, 3};
  EXPECT_EQ(run(Comparison::Equal, q, x, {3}, y), (std::vector<bool>{true, true, false}));
  EXPECT_EQ(run(Comparison::NotEqual, q, x, {3}, y), (std::vector<bool>{false, false, true}));
  EXPECT_EQ(run(Comparison::Greater, q, x, {3}, y), (std::vector<bool>{false, false, false}));
  EXPECT_EQ(run(Comparison::GreaterEqual, q, x, {3}, y), (std::vector<bool>{true, true, false}));
  EXPECT_EQ(run(Comparison::Less, q, x, {3}, y), (std::vector<bool>{false, false, true}));
  EXPECT_EQ(run(Comparison::LessEqual, q, x, {3}, y), (std::vector<bool>{true, true, true}));
}

TEST(QuantizedComparison, EightBitsOfHeadroomRoundCloseValuesTogether) {
  // int8, broadcast y: x = 0.001 q, 1 -> 256 * 0.001 = 0.256 -> 0, the same as y = 0
  // (TFLite's arithmetic); 2 -> 0.512 -> 1 is greater.
  const ComparisonQuant q = comparison_quant({0.001f, 0}, {0.002f, 0});
  const std::vector<int8_t> x = {1, 2}, y = {0};
  EXPECT_EQ(run(Comparison::Equal, q, x, {1}, y), (std::vector<bool>{true, false}));
  EXPECT_EQ(run(Comparison::Greater, q, x, {1}, y), (std::vector<bool>{false, true}));
}

TEST(QuantizedComparison, Int16IsScaledToo) {
  // x = 0.01 q, y = 0.02 q: 100 == 50 (1.0); 101 -> 258.56 -> 259 > 256.
  const ComparisonQuant q = comparison_quant({0.01f, 0}, {0.02f, 0});
  const std::vector<int16_t> x = {100, 101}, y = {50, 50};
  EXPECT_EQ(run(Comparison::Equal, q, x, {2}, y), (std::vector<bool>{true, false}));
  EXPECT_EQ(run(Comparison::Greater, q, x, {2}, y), (std::vector<bool>{false, true}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
