#include "interp/kernels/quantized/batch_matmul.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

template <typename T>
std::vector<T> matmul(const BatchMatMulQuant &q, BatchMatMulParams params, const ir::Shape &ls,
                      const std::vector<T> &lhs, const ir::Shape &rs, const std::vector<T> &rhs,
                      const ir::Shape &os) {
  std::vector<T> out(static_cast<size_t>(ir::num_elements(os)));
  batch_matmul(q, params, ls, lhs.data(), rs, rhs.data(), os, out.data());
  return out;
}

TEST(QuantizedBatchMatMul, OffsetCodesMultipliedAndRescaled) {
  // lhs - 10 = [[2, 4], [0, -1]], rhs - 3 = [[2, 0], [-2, 4]]: product [[-4, 16], [2, -4]];
  // 0.5 * 0.25 / 0.125 = 1, plus 100.
  const BatchMatMulQuant q = batch_matmul_quant({0.5f, 10}, {0.25f, 3}, {0.125f, 100}, {0, 255});
  const std::vector<uint8_t> expected = {96, 116, 102, 96};
  EXPECT_EQ(matmul<uint8_t>(q, {}, {2, 2}, {12, 14, 10, 9}, {2, 2}, {5, 3, 1, 7}, {2, 2}),
            expected);
  // The same matrices stored transposed, read with adj_x and adj_y.
  EXPECT_EQ(matmul<uint8_t>(q, {true, true}, {2, 2}, {12, 10, 14, 9}, {2, 2}, {5, 1, 3, 7}, {2, 2}),
            expected);
}

TEST(QuantizedBatchMatMul, BroadcastsBatches) {
  // lhs [2, 1, 2] times one rhs [2, 1]: each batch row dotted with (1, -1).
  const BatchMatMulQuant q = batch_matmul_quant({1.0f, 0}, {1.0f, 0}, {1.0f, 0}, {-128, 127});
  EXPECT_EQ(matmul<int8_t>(q, {}, {2, 1, 2}, {5, 3, -4, 6}, {2, 1}, {1, -1}, {2, 1, 1}),
            (std::vector<int8_t>{2, -10}));
}

TEST(QuantizedBatchMatMul, RoundsAndClamps) {
  // M = 0.5 on the rows' dot products with (1, 2): 3 -> 1.5 -> 2, -3 -> -1.5 -> -1 (the
  // doubling high multiply rounds ties up), 381 -> 191 -> 127.
  const BatchMatMulQuant q = batch_matmul_quant({1.0f, 0}, {0.5f, 0}, {1.0f, 0}, {-128, 127});
  EXPECT_EQ(matmul<int8_t>(q, {}, {3, 2}, {3, 0, -3, 0, 127, 127}, {2, 1}, {1, 2}, {3, 1}),
            (std::vector<int8_t>{2, -1, 127}));
}

TEST(QuantizedBatchMatMul, Int16AccumulatesInInt64) {
  // 3 * 30000^2 = 2.7e9 overflows int32; times 2^-20: 2574.9 -> 2575.
  const BatchMatMulQuant q =
      batch_matmul_quant({1.0f, 0}, {1.0f, 0}, {1048576.0f, 0}, {-32767, 32767});
  EXPECT_EQ(
      matmul<int16_t>(q, {}, {1, 3}, {30000, 30000, 30000}, {3, 1}, {30000, 30000, 30000}, {1, 1}),
      (std::vector<int16_t>{2575}));
}

TEST(QuantizedBatchMatMul, ScalesMultipliedInDouble) {
  const BatchMatMulQuant q = batch_matmul_quant({0.1f, 0}, {0.3f, 0}, {0.7f, 0}, {-128, 127});
  EXPECT_EQ(q.output, quantize_multiplier(static_cast<double>(0.1f) * static_cast<double>(0.3f) /
                                          static_cast<double>(0.7f)));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
