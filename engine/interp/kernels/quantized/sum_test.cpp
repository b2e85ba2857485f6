#include "interp/kernels/quantized/sum.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

template <typename T>
std::vector<T> run(SumQuant q, const ir::Shape &shape, const std::vector<T> &x,
                   std::vector<int32_t> axes, size_t outputs) {
  std::vector<T> result(outputs, T{0});
  sum(q, shape, x.data(), axes, result.data());
  return result;
}

TEST(QuantizedSum, RescalesTheCodeSumInFloat) {
  // s = 0.5 / 1, b = -10 * 0.5 * 3 = -15: rows 42 -> 6, 30 -> 0.
  EXPECT_EQ(
      run<uint8_t>({{0.5f, 10}, {1.0f, 0}, {0, 255}}, {2, 3}, {12, 14, 16, 10, 11, 9}, {1}, 2),
      (std::vector<uint8_t>{6, 0}));
}

TEST(QuantizedSum, RoundsHalfAwayFromZero) {
  // Sums 31 -> 0.5 -> 1 and 29 -> -0.5 -> -1, plus the zero point 5; axis -1 is axis 1.
  EXPECT_EQ(
      run<uint8_t>({{0.5f, 10}, {1.0f, 5}, {0, 255}}, {2, 3}, {11, 10, 10, 9, 10, 10}, {-1}, 2),
      (std::vector<uint8_t>{6, 4}));
}

TEST(QuantizedSum, ClampsWhereTFLiteWrapsTheCode) {
  // uint8: 200 + 57 = 257 would wrap to 1 in TFLite's cast; qgold gives 255.
  EXPECT_EQ(run<uint8_t>({{1.0f, 0}, {1.0f, 0}, {0, 255}}, {2}, {200, 57}, {0}, 1),
            (std::vector<uint8_t>{255}));
  // int8 columns plus the zero point 100: 200 + 100 = 300 -> 127, -200 + 100 = -100;
  // then -40 - 100 = -140 -> -128.
  EXPECT_EQ(
      run<int8_t>({{1.0f, 0}, {1.0f, 100}, {-128, 127}}, {2, 2}, {100, -100, 100, -100}, {0}, 2),
      (std::vector<int8_t>{127, -100}));
  EXPECT_EQ(run<int8_t>({{1.0f, 0}, {1.0f, -100}, {-128, 127}}, {2}, {-20, -20}, {0}, 1),
            (std::vector<int8_t>{-128}));
  // int16 clamps to ONE's symmetric range: 30000 + 30000 -> 32767.
  EXPECT_EQ(run<int16_t>({{1.0f, 0}, {1.0f, 0}, {-32767, 32767}}, {2}, {30000, 30000}, {0}, 1),
            (std::vector<int16_t>{32767}));
}

TEST(QuantizedSum, SameParametersSumTheRealValues) {
  // Zero point 3 on both sides: (5 - 3) + (7 - 3) = 6 -> code 9 (TFLite's plain code sum gives 12).
  EXPECT_EQ(run<uint8_t>({{0.5f, 3}, {0.5f, 3}, {0, 255}}, {2}, {5, 7}, {0}, 1),
            (std::vector<uint8_t>{9}));
}

TEST(QuantizedSum, Int16OverTwoAxes) {
  // Everything: 1 + 2 + 3 + 4 = 10, * 0.5 / 0.25 = 20.
  EXPECT_EQ(
      run<int16_t>({{0.5f, 0}, {0.25f, 0}, {-32767, 32767}}, {1, 2, 2}, {1, 2, 3, 4}, {1, 2}, 1),
      (std::vector<int16_t>{20}));
}

TEST(QuantizedSum, AnEmptyReductionIsTheCodeOfZero) {
  EXPECT_EQ(run<int8_t>({{0.5f, 4}, {0.25f, -7}, {-128, 127}}, {2, 0}, {}, {1}, 2),
            (std::vector<int8_t>{-7, -7}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
