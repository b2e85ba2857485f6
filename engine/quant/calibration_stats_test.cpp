#include "ir/error.h"
#include "quant/calibration_stats.h"
#include "quant/test_models.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <numeric>
#include <random>

namespace qgold::quant {
namespace {

using Mode = RecordMinMaxOptions::Mode;

TEST(OrderStatistics, AllValuesSortedWhenFewOtherwiseEvenlySpacedRanks) {
  EXPECT_EQ(order_statistics({5, 1, 3}, 5), (std::vector<float>{1, 3, 5}));
  // 0..9 at 4 points: ranks round(0), round(3), round(6), round(9).
  std::vector<float> ten(10);
  std::iota(ten.begin(), ten.end(), 0.0f);
  std::shuffle(ten.begin(), ten.end(), std::mt19937(7));
  EXPECT_EQ(order_statistics(ten, 4), (std::vector<float>{0, 3, 6, 9}));
  // 0..100 at 21 points: every 5th percentile, both extremes included.
  std::vector<float> hundred(101);
  std::iota(hundred.begin(), hundred.end(), 0.0f);
  std::shuffle(hundred.begin(), hundred.end(), std::mt19937(7));
  const std::vector<float> q = order_statistics(hundred, kCalibrationQuantiles);
  ASSERT_EQ(q.size(), kCalibrationQuantiles);
  for (size_t i = 0; i < q.size(); ++i)
    EXPECT_EQ(q[i], 5.0f * static_cast<float>(i));
  // A million records still give 21 points.
  EXPECT_EQ(order_statistics(std::vector<float>(1000000, 1.0f), kCalibrationQuantiles).size(),
            kCalibrationQuantiles);
}

// Two tensors over five records. Tensor 0: the minima and maxima of worked
// example G (percentile 1/99: min 0.904, max 4.92). Tensor 1: record 1 holds
// both extremes, so it is below and above at once.
RecordedRanges example_ranges() {
  RecordedRanges ranges;
  ranges.tensors = {3, 7};
  const float mins[] = {1.2f, 0.9f, 2.0f, 1.0f, 1.1f}, maxs[] = {5.0f, 1.5f, 3.0f, 1.1f, 2.0f};
  const float mins1[] = {0, -4, 0, 0, 0}, maxs1[] = {1, 9, 1, 1, 1};
  for (size_t r = 0; r < 5; ++r)
    ranges.records.push_back({{mins[r], maxs[r]}, {mins1[r], maxs1[r]}});
  return ranges;
}

TEST(CalibrationStats, PercentileClippingIsCounted) {
  const CalibrationStats stats = calibration_stats(example_ranges(), {});
  EXPECT_EQ(stats.records, 5u);
  ASSERT_EQ(stats.tensors.size(), 2u);
  const TensorCalibration &t = stats.tensors[0];
  EXPECT_EQ(t.tensor, 3);
  EXPECT_FLOAT_EQ(t.recorded.min, 0.904f);
  EXPECT_FLOAT_EQ(t.recorded.max, 4.92f);
  EXPECT_EQ(t.mins.lowest, 0.9f);
  EXPECT_EQ(t.mins.highest, 2.0f);
  EXPECT_EQ(t.maxs.lowest, 1.1f);
  EXPECT_EQ(t.maxs.highest, 5.0f);
  EXPECT_EQ(t.mins.quantiles, (std::vector<float>{0.9f, 1.0f, 1.1f, 1.2f, 2.0f}));
  EXPECT_EQ(t.maxs.quantiles, (std::vector<float>{1.1f, 1.5f, 2.0f, 3.0f, 5.0f}));
  EXPECT_EQ(t.below, 1u); // record 1's 0.9
  EXPECT_EQ(t.above, 1u); // record 0's 5.0
  EXPECT_EQ(t.outside, 2u);

  const TensorCalibration &u = stats.tensors[1];
  EXPECT_EQ(u.tensor, 7);
  EXPECT_EQ(u.below, 1u);
  EXPECT_EQ(u.above, 1u);
  EXPECT_EQ(u.outside, 1u);
  EXPECT_LT(u.recorded.max, 9.0f);
  EXPECT_GT(u.recorded.min, -4.0f);
}

TEST(CalibrationStats, MinMaxModeLeavesNoRecordOutside) {
  RecordMinMaxOptions options;
  options.mode = Mode::MinMax;
  const CalibrationStats stats = calibration_stats(example_ranges(), options);
  for (const TensorCalibration &t : stats.tensors) {
    EXPECT_EQ(t.recorded.min, t.mins.lowest);
    EXPECT_EQ(t.recorded.max, t.maxs.highest);
    EXPECT_EQ(t.outside, 0u);
  }
}

TEST(CalibrationStats, NoRecordsIsAnInputError) {
  RecordedRanges empty;
  empty.tensors = {0};
  EXPECT_THROW(calibration_stats(empty, {}), InputError);
}

// in [1,8] -> ReLU -> out
ir::Model relu_model() {
  ir::Model model;
  const int32_t in = testing::activation(model, "in", {1, 8});
  const int32_t out = testing::activation(model, "out", {1, 8});
  model.operators.push_back({ir::OpCode::Relu, {in}, {out}, std::monostate{}});
  model.inputs = {in};
  model.outputs = {out};
  return model;
}

// The recorded ranges are what record_minmax writes into the model, in every
// mode, and the per-record ranges it returns are the records' own.
TEST(CalibrationStats, RecordedRangeIsWhatRecordMinMaxWrites) {
  std::mt19937 engine(3);
  std::normal_distribution<float> normal(0.0f, 2.0f);
  std::vector<std::vector<float>> records(60, std::vector<float>(8));
  for (auto &record : records)
    for (float &value : record)
      value = normal(engine);
  for (Mode mode : {Mode::Percentile, Mode::MovingAverage, Mode::MinMax}) {
    SCOPED_TRACE(static_cast<int>(mode));
    RecordMinMaxOptions options;
    options.mode = mode;
    options.backend = RecordMinMaxOptions::Backend::Reference;
    ir::Model model = relu_model();
    testing::MemoryDataset dataset(records);
    const RecordedRanges ranges = record_minmax(model, dataset, options);
    ASSERT_EQ(ranges.records.size(), records.size());
    const float first_min = *std::min_element(records[0].begin(), records[0].end());
    EXPECT_EQ(ranges.records[0][0].min, first_min);
    const CalibrationStats stats = calibration_stats(ranges, options);
    ASSERT_EQ(stats.tensors.size(), 2u);
    for (const TensorCalibration &t : stats.tensors) {
      const ir::Tensor &written = model.tensors[static_cast<size_t>(t.tensor)];
      ASSERT_TRUE(written.quant);
      EXPECT_EQ(t.recorded.min, written.quant->min[0]);
      EXPECT_EQ(t.recorded.max, written.quant->max[0]);
      EXPECT_EQ(t.mins.quantiles.size(), kCalibrationQuantiles);
      EXPECT_EQ(t.mins.quantiles.front(), t.mins.lowest);
      EXPECT_EQ(t.maxs.quantiles.back(), t.maxs.highest);
    }
    // 60 normal records: the 1st percentile clips the most extreme record on each side.
    if (mode == Mode::Percentile) {
      EXPECT_GE(stats.tensors[0].below, 1u);
      EXPECT_GE(stats.tensors[0].above, 1u);
    }
    if (mode == Mode::MinMax) {
      EXPECT_EQ(stats.tensors[0].outside, 0u);
    }
  }
}

} // namespace
} // namespace qgold::quant
