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

TEST(ActivationTest, IntegersClampLikeTfliteAndTanhLeavesThem) {
  EXPECT_EQ(activate(Activation::None, int32_t{-7}), -7);
  EXPECT_EQ(activate(Activation::Relu, int32_t{-7}), 0);
  EXPECT_EQ(activate(Activation::Relu, int64_t{1} << 40), int64_t{1} << 40);
  EXPECT_EQ(activate(Activation::Relu6, int32_t{7}), 6);
  EXPECT_EQ(activate(Activation::Relu6, int64_t{-7}), 0);
  EXPECT_EQ(activate(Activation::ReluN1To1, int32_t{-7}), -1);
  EXPECT_EQ(activate(Activation::ReluN1To1, int32_t{0}), 0);
  // CalculateActivationRange gives TANH the full range of the type.
  EXPECT_EQ(activate(Activation::Tanh, int32_t{7}), 7);
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
