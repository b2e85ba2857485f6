#include "interp/kernels/quantized/maximum.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

const IntRange kUInt8{0, 255};

TEST(QuantizedMaximum, SameParametersTakeTheLargerCodeWithBroadcasting) {
  const Requantization same = requantization({0.1f, 7}, {0.1f, 7}, kUInt8);
  const std::vector<uint8_t> x = {10, 40, 30}, y = {30};
  std::vector<uint8_t> out(3);
  maximum(same, {3}, x.data(), same, {1}, y.data(), {3}, out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{30, 40, 30}));
}

TEST(QuantizedMaximum, InputsAreRequantizedToTheOutputFirst) {
  // x: 0.5 (q - 10) in the output's 1.0 (q - 0): 31 -> 10.5 -> 11 (tie up), 30 -> 10,
  // 4 -> -3 -> 0 (clamped); y already has the output's parameters.
  const Requantization rx = requantization({0.5f, 10}, {1.0f, 0}, kUInt8);
  const Requantization ry = requantization({1.0f, 0}, {1.0f, 0}, kUInt8);
  const std::vector<uint8_t> x = {31, 30, 4}, y = {11, 11, 0};
  std::vector<uint8_t> out(3);
  maximum(rx, {3}, x.data(), ry, {3}, y.data(), {3}, out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{11, 11, 0}));
}

TEST(QuantizedMaximum, Int16) {
  const Requantization same = requantization({0.01f, 0}, {0.01f, 0}, {-32768, 32767});
  const std::vector<int16_t> x = {-300, 5}, y = {7, -9};
  std::vector<int16_t> out(2);
  maximum(same, {2}, x.data(), same, {2}, y.data(), {2}, out.data());
  EXPECT_EQ(out, (std::vector<int16_t>{7, 5}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
