#include "interp/kernels/quantized/sub.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedSub, DifferenceOfTheRescaledOperands) {
  const AddQuant q = add_quant({0.5f, 128}, {0.5f, 128}, {1.0f, 128}, 20, {0, 255});
  // (1 - 2) = -1; (0.5 - 0) = 0.5 -> 1; (-0.5 - 0) -> -1; clamped at 0.
  const std::vector<uint8_t> x = {130, 129, 127, 0}, y = {132, 128, 128, 255};
  std::vector<uint8_t> out(4);
  sub(q, {4}, x.data(), {4}, y.data(), {4}, out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{127, 129, 127, 0}));
}

TEST(QuantizedSub, Int8WithZeroPointsAndBroadcast) {
  // x = 0.1 (q + 10), y = 0.2 (q - 0): out 0.1 (q + 10). x q = [0, 20] -> [1, 3]; y q = 5 -> 1.
  const AddQuant q = add_quant({0.1f, -10}, {0.2f, 0}, {0.1f, -10}, 20, {-128, 127});
  const std::vector<int8_t> x = {0, 20}, y = {5};
  std::vector<int8_t> out(2);
  sub(q, {2}, x.data(), {1}, y.data(), {2}, out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{-10, 10})); // 0 and 2, at zero point -10
}

} // namespace
} // namespace qgold::interp::kernels::quantized
