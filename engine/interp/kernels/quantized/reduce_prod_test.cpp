#include "interp/kernels/quantized/reduce_prod.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

template <typename T>
std::vector<T> run(const ReduceProdParams &params, const ir::Shape &shape, const std::vector<T> &x,
                   std::vector<int32_t> axes, size_t outputs) {
  std::vector<T> result(outputs, T{0});
  reduce_prod(params, shape, x.data(), axes, result.data());
  return result;
}

TEST(QuantizedReduceProd, MultiplierIsTheNthRootScaling) {
  // 0.5 / sqrt(0.25) = 1: mantissa 2^30, shift 1.
  const Multiplier m = reduce_prod_multiplier(0.5f, 0.25f, 2);
  EXPECT_EQ(m.value, 1 << 30);
  EXPECT_EQ(m.shift, 1);
}

TEST(QuantizedReduceProd, Int8ProductOfRealValues) {
  // Reals 2 * 3 = 6 at scale 0.25: code 24 (M = 1 leaves the integer steps exact).
  const ReduceProdParams params{0, 0, reduce_prod_multiplier(0.5f, 0.25f, 2), {-128, 127}};
  EXPECT_EQ(run<int8_t>(params, {1, 2}, {4, 6}, {1}, 1), (std::vector<int8_t>{24}));
}

TEST(QuantizedReduceProd, EachStepRoundsTiesUp) {
  // M = 0.5 (reduced mantissa 2^14, shift 15): M(x) = floor((x + 1) / 2).
  // [3, 1]: M(3) = 2, M(2) = 1 -> 11; [-3, 1]: M(-3) = -1, M(-1) = 0 -> 10.
  const ReduceProdParams params{0, 10, reduce_prod_multiplier(0.5f, 1.0f, 2), {-128, 127}};
  EXPECT_EQ(run<int8_t>(params, {2, 2}, {3, 1, -3, 1}, {1}, 2), (std::vector<int8_t>{11, 10}));
}

TEST(QuantizedReduceProd, ZeroPointsAndClamping) {
  // uint8 (qgold's extension), z_in 100: x - z = [2, 3] and [10, 20]; M = 1:
  // 6 + 50 = 56 and 200 + 50 = 250; then int16 with a clamp at 32767.
  const ReduceProdParams params{100, 50, reduce_prod_multiplier(0.5f, 0.25f, 2), {0, 255}};
  EXPECT_EQ(run<uint8_t>(params, {2, 2}, {102, 103, 110, 120}, {1}, 2),
            (std::vector<uint8_t>{56, 250}));
  const ReduceProdParams wide{0, 0, reduce_prod_multiplier(0.5f, 0.25f, 2), {-32767, 32767}};
  EXPECT_EQ(run<int16_t>(wide, {1, 2}, {300, 300}, {1}, 1), (std::vector<int16_t>{32767}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
