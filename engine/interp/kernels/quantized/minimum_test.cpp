#include "interp/kernels/quantized/minimum.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedMinimum, SameParametersTakeTheSmallerCodeWithBroadcasting) {
  const Requantization same = requantization({0.1f, -3}, {0.1f, -3}, {-128, 127});
  const std::vector<int8_t> x = {-10, 40, 30}, y = {30};
  std::vector<int8_t> out(3);
  minimum(same, {3}, x.data(), same, {1}, y.data(), {3}, out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{-10, 30, 30}));
}

TEST(QuantizedMinimum, InputsAreRequantizedToTheOutputFirst) {
  // x: 0.5 (q - 10) in the output's 1.0 (q - 0): 31 -> 10.5 -> 11 (tie up), 30 -> 10,
  // 4 -> -3 -> 0 (clamped to uint8).
  const IntRange range{0, 255};
  const Requantization rx = requantization({0.5f, 10}, {1.0f, 0}, range);
  const Requantization ry = requantization({1.0f, 0}, {1.0f, 0}, range);
  const std::vector<uint8_t> x = {31, 30, 4}, y = {11, 11, 2};
  std::vector<uint8_t> out(3);
  minimum(rx, {3}, x.data(), ry, {3}, y.data(), {3}, out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{11, 10, 0}));
}

TEST(QuantizedMinimum, Int16) {
  const Requantization same = requantization({0.01f, 0}, {0.01f, 0}, {-32768, 32767});
  const std::vector<int16_t> x = {-300, 5}, y = {7, -9};
  std::vector<int16_t> out(2);
  minimum(same, {2}, x.data(), same, {2}, y.data(), {2}, out.data());
  EXPECT_EQ(out, (std::vector<int16_t>{-300, -9}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
