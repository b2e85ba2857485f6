#include "interp/kernels/quantized/reshape.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels::quantized {
namespace {

TEST(QuantizedReshape, CopiesCodesOrRequantizes) {
  const std::vector<int16_t> x = {-32767, 4, 32767};
  std::vector<int16_t> out(3);
  reshape(requantization({1.0f, 0}, {1.0f, 0}, {-32768, 32767}), 3, x.data(), out.data());
  EXPECT_EQ(out, x);
  // Scale 1 -> 2: 4 -> 2; the halved extremes are ties, which the doubling
  // high multiply rounds up: -16383.5 -> -16383, 16383.5 -> 16384.
  reshape(requantization({1.0f, 0}, {2.0f, 0}, {-32768, 32767}), 3, x.data(), out.data());
  EXPECT_EQ(out, (std::vector<int16_t>{-16383, 2, 16384}));
}

} // namespace
} // namespace qgold::interp::kernels::quantized
