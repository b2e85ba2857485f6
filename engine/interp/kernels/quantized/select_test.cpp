#include "interp/kernels/quantized/select.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedSelect, RankOneConditionChoosesSlicesAndRequantizes) {
  // x = 0.5 (q - 10) requantized to the output's 1.0 (q - 0): 31 -> 10.5 -> 11 (ties up),
  // 14 -> 2; y already has the output's parameters.
  const IntRange range{0, 255};
  const Requantization rx = requantization({0.5f, 10}, {1.0f, 0}, range);
  const Requantization ry = requantization({1.0f, 0}, {1.0f, 0}, range);
  const bool condition[2] = {true, false};
  const std::vector<uint8_t> x = {31, 14, 200, 201}, y = {7, 8, 9, 250};
  std::vector<uint8_t> out(4);
  select({2}, condition, rx, x.data(), ry, y.data(), {2, 2}, out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{11, 2, 9, 250}));
}

TEST(QuantizedSelect, V2BroadcastsAllThree) {
  // condition [2, 1], x [2, 2], y [1] (int16, same parameters: codes copied).
  const IntRange range{-32768, 32767};
  const Requantization same = requantization({0.01f, 0}, {0.01f, 0}, range);
  const bool condition[2] = {false, true};
  const std::vector<int16_t> x = {-5, 6, -7, 8}, y = {-32767};
  std::vector<int16_t> out(4);
  select_v2({2, 1}, condition, same, {2, 2}, x.data(), same, {1}, y.data(), {2, 2}, out.data());
  EXPECT_EQ(out, (std::vector<int16_t>{-32767, -32767, -7, 8}));
}

TEST(QuantizedSelect, Int8) {
  const IntRange range{-128, 127};
  const Requantization same = requantization({0.1f, -128}, {0.1f, -128}, range);
  const bool condition[3] = {true, false, true};
  const std::vector<int8_t> x = {-128, 0, 127}, y = {1, 2, 3};
  std::vector<int8_t> out(3);
  select({3}, condition, same, x.data(), same, y.data(), {3}, out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{-128, 2, 127}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
