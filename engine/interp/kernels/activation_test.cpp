#include "interp/kernels/activation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace qgold::interp::kernels {
namespace {

using ir::Activation;

TEST(ActivationTest, ClampsToTheRangeOfEachActivation) {
  EXPECT_FLOAT_EQ(activate(Activation::None, -7.5f), -7.5f);
  EXPECT_FLOAT_EQ(activate(Activation::Relu, -7.5f), 0.0f);
  EXPECT_FLOAT_EQ(activate(Activation::Relu, 7.5f), 7.5f);
  EXPECT_FLOAT_EQ(activate(Activation::ReluN1To1, -7.5f), -1.0f);
  EXPECT_FLOAT_EQ(activate(Activation::ReluN1To1, 0.25f), 0.25f);
  EXPECT_FLOAT_EQ(activate(Activation::ReluN1To1, 7.5f), 1.0f);
  EXPECT_FLOAT_EQ(activate(Activation::Relu6, -7.5f), 0.0f);
  EXPECT_FLOAT_EQ(activate(Activation::Relu6, 3.0f), 3.0f);
  EXPECT_FLOAT_EQ(activate(Activation::Relu6, 7.5f), 6.0f);
}

TEST(ActivationTest, FusedTanhIsNotAppliedAsTFLiteDoes) {
  EXPECT_FLOAT_EQ(activate(Activation::Tanh, 1.0f), 1.0f);
  EXPECT_FLOAT_EQ(activate(Activation::Tanh, -3.0f), -3.0f);
}

TEST(ActivationTest, NanPassesThroughClamps) {
  EXPECT_TRUE(std::isnan(activate(Activation::Relu6, NAN)));
  EXPECT_TRUE(std::isnan(activate(Activation::Relu, NAN)));
}

TEST(ActivationTest, SpanVersionAppliesToEveryValue) {
  std::vector<float> values = {-2.0f, 0.5f, 9.0f};
  activate(Activation::Relu6, values);
  EXPECT_EQ(values, (std::vector<float>{0.0f, 0.5f, 6.0f}));
}

} // namespace
} // namespace qgold::interp::kernels
