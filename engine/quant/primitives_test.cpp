#include "quant/primitives.h"

#include "ir/error.h"

#include <gtest/gtest.h>

namespace qgold::quant {
namespace {

// Worked example A of quantization.md §12: asymmetric uint8 over [-1.5, 3.0].
TEST(AsymParams, WorkedExampleMixedSign) {
  const AsymParams p = compute_asym(-1.5f, 3.0f);
  EXPECT_EQ(p.zero_point, 85);
  EXPECT_EQ(p.scale, static_cast<float>(4.5 / 255.0));
  EXPECT_EQ(p.nmin, -1.5f);
  EXPECT_EQ(p.nmax, 3.0f);
  EXPECT_FLOAT_EQ(inverse_scale(p.scale), 56.666664f);

  const float inv = inverse_scale(p.scale);
  const float xs[] = {-2.0f, -1.5f, -0.2f, 0.0f, 0.7f, 1.0f, 3.0f, 3.2f};
  const int expected_q[] = {0, 0, 74, 85, 125, 142, 255, 255};
  const float expected_deq[] = {-1.5f, -1.5f, -0.19411755f, 1.1920929e-07f, 0.70588255f, 1.0058825f, 3.0f, 3.0f};
  for (int i = 0; i < 8; ++i) {
    const uint8_t q = quantize_asym_clipped(xs[i], p.nmin, p.nmax, inv);
    EXPECT_EQ(q, expected_q[i]) << "x = " << xs[i];
    EXPECT_FLOAT_EQ(dequantize_asym(q, p.scale, p.nmin), expected_deq[i]) << "x = " << xs[i];
  }
}

// Worked example B: symmetric int16 over the same range, including a tie.
TEST(SymParams, WorkedExampleInt16RoundsTiesAwayFromZero) {
  const SymParams p = compute_sym(-1.5f, 3.0f, kInt16Max);
  EXPECT_EQ(p.scale, static_cast<float>(3.0 / 32767.0));
  EXPECT_FLOAT_EQ(p.nmin, -3.0f);
  EXPECT_FLOAT_EQ(p.nmax, 3.0f);
  const float inv = inverse_scale(p.scale);
  const float xs[] = {-2.0f, -1.5f, -0.2f, 0.0f, 0.7f, 1.0f, 3.0f, 3.2f};
  const int expected[] = {-21845, -16384, -2184, 0, 7646, 10922, 32767, 32767};
  for (int i = 0; i < 8; ++i)
    EXPECT_EQ(quantize_sym_clipped(xs[i], p.nmin, p.nmax, inv, kInt16Max), expected[i]) << "x = " << xs[i];
}

TEST(SymParams, Int8UsesQ127) {
  EXPECT_FLOAT_EQ(compute_sym(-1.5f, 3.0f, kInt8Max).scale, 0.023622047f);
}

// Worked example C: edge cases of the asymmetric scheme.
TEST(AsymParams, AllPositiveRange) {
  const AsymParams p = compute_asym(0.5f, 2.0f);
  EXPECT_EQ(p.zero_point, 0);
  EXPECT_EQ(p.scale, static_cast<float>(2.0 / 255.0));
  EXPECT_EQ(p.nmin, 0.0f);
}

TEST(AsymParams, AllNegativeRange) {
  const AsymParams p = compute_asym(-2.0f, -0.5f);
  EXPECT_EQ(p.zero_point, 255);
  EXPECT_EQ(p.scale, static_cast<float>(2.0 / 255.0));
  EXPECT_EQ(p.nmax, 0.0f);
}

TEST(AsymParams, ZeroRangeGetsTheScaleFloor) {
  const AsymParams p = compute_asym(0.0f, 0.0f);
  EXPECT_EQ(p.scale, 1e-5f);
  EXPECT_EQ(p.zero_point, 0);
}

TEST(AsymParams, TinyRangeIsFlooredAndZeroPointRecomputed) {
  const AsymParams p = compute_asym(-0.001f, 0.0005f);
  EXPECT_EQ(p.scale, 1e-5f);
  EXPECT_EQ(p.zero_point, 100);
  EXPECT_FLOAT_EQ(p.nmax, 0.00155f);
}

TEST(AsymParams, MinAboveMaxIsAnInputError) {
  EXPECT_THROW(compute_asym(1.0f, -1.0f), InputError);
  EXPECT_THROW(compute_sym(1.0f, -1.0f, kInt16Max), InputError);
}

TEST(SymParams, ScaleFloors) {
  EXPECT_EQ(compute_sym(0.0f, 0.0f, kInt16Max).scale, 1e-8f);
  EXPECT_EQ(compute_sym(-1e-9f, 1e-9f, kInt8Max).scale, 1e-5f);
}

// Worked example D: Conv2D_004 kernel, per channel and per layer.
TEST(Quantizers, Conv2D004ChannelZeroUint8) {
  const AsymParams p = compute_asym(-7.0f, 8.0f);
  EXPECT_EQ(p.zero_point, 119);
  const float inv = inverse_scale(p.scale);
  const float channel[] = {1, 2, -3, -4, -5, 6, -7, 8};
  const int expected[] = {136, 153, 68, 51, 34, 221, 0, 255};
  for (int i = 0; i < 8; ++i)
    EXPECT_EQ(quantize_asym_clipped(channel[i], p.nmin, p.nmax, inv), expected[i]);
  EXPECT_EQ(compute_asym(-8.0f, 7.0f).zero_point, 136);
}

TEST(Quantizers, Conv2D004LayerUint8ZeroPointTieRoundsUp) {
  const AsymParams p = compute_asym(-8.0f, 8.0f);
  EXPECT_EQ(p.zero_point, 128);
  EXPECT_FLOAT_EQ(p.nmin, -8.0313725f);
  EXPECT_FLOAT_EQ(p.nmax, 7.9686275f);
  const float inv = inverse_scale(p.scale);
  const float kernel[] = {1, 2, -3, -4, -5, 6, -7, 8, 4, -2, 3, -1, -8, -6, 7, 5};
  const int expected[] = {144, 160, 80, 64, 48, 224, 16, 255, 192, 96, 176, 112, 1, 32, 240, 208};
  for (int i = 0; i < 16; ++i)
    EXPECT_EQ(quantize_asym_clipped(kernel[i], p.nmin, p.nmax, inv), expected[i]) << i;
}

TEST(Quantizers, Conv2D004WeightsOnlyInt8) {
  const SymParams p = compute_sym(-8.0f, 8.0f, kInt8Max);
  EXPECT_FLOAT_EQ(p.scale, 0.062992126f);
  const float inv = inverse_scale(p.scale);
  const float channel[] = {1, 2, -3, -4, -5, 6, -7, 8};
  const int expected[] = {16, 32, -48, -64, -79, 95, -111, 127};
  for (int i = 0; i < 8; ++i)
    EXPECT_EQ(quantize_sym_clipped(channel[i], p.nmin, p.nmax, inv, kInt8Max), expected[i]);
}

// Worked example E: a constant quantized with propagated int16 qparams (QV).
TEST(Quantizers, PropagatedParamsInt16) {
  const SymParams p = compute_sym(-7.0f, 8.0f, kInt16Max);
  EXPECT_FLOAT_EQ(p.scale, 0.00024414808f);
  const float values[] = {1, 2, -3, -4, -5, 6, -7, 8};
  const int expected[] = {4096, 8192, -12288, -16384, -20479, 24575, -28671, 32767};
  for (int i = 0; i < 8; ++i)
    EXPECT_EQ(quantize_with_params(values[i], p.scale, 0, -kInt16Max, kInt16Max), expected[i]);
}

TEST(Quantizers, PropagatedParamsClampToTheTypeRange) {
  EXPECT_EQ(quantize_with_params(1e30f, 1e-5f, 0, 0, 255), 255);
  EXPECT_EQ(quantize_with_params(-1e30f, 1e-5f, 3, 0, 255), 0);
  EXPECT_EQ(quantize_with_params(0.5f, 0.25f, 10, 0, 255), 12);
}

// Worked example G: percentile over five per-record minima/maxima.
TEST(Percentile, FiveRecordsLinearInterpolation) {
  const std::vector<float> values = {1.2f, 0.9f, 2.0f, 1.0f, 1.1f};
  EXPECT_FLOAT_EQ(percentile(values, 1.0f), 0.904f);
  EXPECT_FLOAT_EQ(percentile(values, 99.0f), 1.968f);
  EXPECT_EQ(percentile(values, 0.0f), 0.9f);
  EXPECT_EQ(percentile(values, 100.0f), 2.0f);
  EXPECT_EQ(percentile({3.5f}, 1.0f), 3.5f);
  EXPECT_THROW(percentile({}, 1.0f), InputError);
  EXPECT_THROW(percentile(values, 101.0f), InputError);
}

TEST(MovingAverage, BatchesOfTwo) {
  // batch extremes (min): 1, -1, 3 -> c = 1; c = 0.9*1 + 0.1*-1 = 0.8; c = 0.9*0.8 + 0.1*3 = 1.02
  const std::vector<float> mins = {1.0f, 2.0f, -1.0f, 5.0f, 3.0f};
  EXPECT_NEAR(moving_average(mins, 2, 0.1f, true), 1.02f, 1e-6f);
  // batch extremes (max): 2, 5, 3 -> 2; 0.9*2 + 0.5 = 2.3; 0.9*2.3 + 0.3 = 2.37
  EXPECT_NEAR(moving_average(mins, 2, 0.1f, false), 2.37f, 1e-6f);
  EXPECT_EQ(moving_average(mins, 16, 0.1f, true), -1.0f);
  EXPECT_THROW(moving_average(mins, 0, 0.1f, true), InputError);
}

} // namespace
} // namespace qgold::quant
