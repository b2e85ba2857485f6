#include "interp/kernels/quantized/quantize.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(Quantize, FromFloatRoundsHalfAwayAndClamps) {
  const std::vector<float> x = {1.0f, -1.25f, 1000.0f, -1000.0f, 1.25f};
  std::vector<uint8_t> out(5);
  quantize<uint8_t>({0.5f, 10}, {0, 255}, 5, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{12, 7, 255, 0, 13})); // -2.5 -> -3, 2.5 -> 3
}

TEST(Quantize, Int16UsesTheFullRange) {
  const std::vector<float> x = {-2.0f, 2.0f};
  std::vector<int16_t> out(2);
  quantize<int16_t>({1.0f / 16384, 0}, {-32768, 32767}, 2, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<int16_t>{-32768, 32767}));
}

TEST(Quantize, RequantizesBetweenDtypes) {
  // uint8 1.0 (q - 128) -> int8 1.0 (q - 0) is a shift; -> int16 0.25 (q - 0) a rescale.
  const std::vector<uint8_t> x = {130, 0, 255};
  std::vector<int8_t> to8(3);
  requantize(requantization({1.0f, 128}, {1.0f, 0}, {-128, 127}), 3, x.data(), to8.data());
  EXPECT_EQ(to8, (std::vector<int8_t>{2, -128, 127}));
  std::vector<int16_t> to16(3);
  requantize(requantization({1.0f, 128}, {0.25f, 0}, {-32768, 32767}), 3, x.data(), to16.data());
  EXPECT_EQ(to16, (std::vector<int16_t>{8, -512, 508}));
  EXPECT_TRUE(requantization({0.5f, 3}, {0.5f, 3}, {0, 255}).identity);
  EXPECT_FALSE(requantization({0.5f, 3}, {0.5f, 4}, {0, 255}).identity);
}

} // namespace
} // namespace qgold::interp::kernels::quantized
