#include "interp/kernels/quantized/instance_norm.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedInstanceNorm, NormalizesInFloatBetweenIntegerTensors) {
  // Per channel over H*W: c0 = [-1, 1] (codes [0, 2] at zero point 1) -> about
  // -+1, times gamma 1 plus beta 0; c1 = [2, 4] -> -+1 times gamma 2 plus beta
  // 0.5 -> -1.5, 2.5. Output 1/64 (q - 128).
  InstanceNormQuant q;
  q.input = {1.0f, 1};
  q.output = {1.0f / 64, 128};
  q.gamma = {{1.0f, 0}, {2.0f, 0}}; // per channel, codes 1 and 1
  q.beta = {{0.5f, 0}};             // per tensor: codes 0 and 1
  q.output_range = {0, 255};
  const std::vector<uint8_t> x = {0, 3, 2, 5}, gamma = {1, 1}, beta = {0, 1};
  std::vector<uint8_t> out(4);
  instance_norm<uint8_t>({1e-5f, ir::Activation::None}, q, {1, 1, 2, 2}, x.data(), 2,
                         gamma.data(), 2, beta.data(), out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{64, 32, 192, 255})); // 2.5 * 64 + 128 clamps
}

} // namespace
} // namespace qgold::interp::kernels::quantized
