#include "interp/kernels/quantized/mean.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

template <typename T>
std::vector<T> run(const MeanQuant &q, const ir::Shape &shape, const std::vector<T> &x,
                   std::vector<int32_t> axes, bool keep_dims, size_t outputs) {
  std::vector<T> out(outputs);
  mean(q, shape, x.data(), axes, keep_dims, out.data());
  return out;
}

TEST(QuantizedMean, Uint8SpatialMeanOfCodes) {
  // Axes {1, 2} with keep_dims: sum of codes * 0.5 / (4 * 0.5), bias 10 - 10.
  const MeanQuant q{{0.5f, 10}, {0.5f, 10}, {0, 255}};
  EXPECT_EQ(run<uint8_t>(q, {1, 2, 2, 1}, {10, 20, 30, 40}, {1, 2}, true, 1),
            (std::vector<uint8_t>{25}));
  // Another output scale: mean 0.5 * (25 - 10) = 7.5, at 0.25 (q - 0) = 30.
  const MeanQuant other{{0.5f, 10}, {0.25f, 0}, {0, 255}};
  EXPECT_EQ(run<uint8_t>(other, {1, 2, 2, 1}, {10, 20, 30, 40}, {2, 1}, true, 1),
            (std::vector<uint8_t>{30}));
}

TEST(QuantizedMean, Int8SpatialMeanRescalesThenDivides) {
  // x - (-10) = [0, 4, 8, 12] -> 24, * 0.5 / 0.25 = 48, / 4 = 12, + 5.
  const MeanQuant q{{0.5f, -10}, {0.25f, 5}, {-128, 127}};
  EXPECT_EQ(run<int8_t>(q, {1, 2, 2, 1}, {-10, -6, -2, 2}, {1, 2}, true, 1),
            (std::vector<int8_t>{17}));
}

TEST(QuantizedMean, SameParametersTruncatingIntegerMean) {
  const MeanQuant q{{0.5f, 3}, {0.5f, 3}, {0, 255}};
  // Rows [1, 2, 4] -> 7 / 3 = 2; [5, 5, 5] -> 5.
  EXPECT_EQ(run<uint8_t>(q, {2, 3}, {1, 2, 4, 5, 5, 5}, {1}, false, 2),
            (std::vector<uint8_t>{2, 5}));
}

TEST(QuantizedMean, OtherParametersInFloat) {
  // Mean 1.5 at scale 1 -> 3.0 at scale 0.5.
  const MeanQuant q{{1.0f, 0}, {0.5f, 0}, {0, 255}};
  EXPECT_EQ(run<uint8_t>(q, {2}, {1, 2}, {0}, false, 1), (std::vector<uint8_t>{3}));
  // Axis -1 on [2, 2], scale 0.5 -> 0.25 (q - 1): rows [1, 4] -> 2.5 codes -> 5 + 1; [3, 4] -> 7 + 1.
  const MeanQuant other{{0.5f, 0}, {0.25f, 1}, {0, 255}};
  EXPECT_EQ(run<uint8_t>(other, {2, 2}, {1, 4, 3, 4}, {-1}, true, 2),
            (std::vector<uint8_t>{6, 8}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
