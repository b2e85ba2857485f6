#pragma once

// What record-minmax chose against what the records showed (the calibration
// view of the HTML reports): per recorded tensor, the range written into the
// model and the distribution of the per-record minima and maxima it was
// reduced from, so that percentile clipping and moving-average smoothing can
// be seen and counted.

#include "quant/quant.h"

#include <cstddef>
#include <vector>

namespace qgold::quant {

// One side (minima or maxima) of a tensor's per-record ranges.
struct RangeDistribution {
  float lowest = 0, highest = 0;
  std::vector<float> quantiles; // order_statistics of the per-record values
};

struct TensorCalibration {
  int32_t tensor = -1;
  MinMax recorded;            // what apply_ranges writes into the model
  RangeDistribution mins, maxs;
  size_t below = 0;           // records whose minimum is below recorded.min
  size_t above = 0;           // records whose maximum is above recorded.max
  size_t outside = 0;         // records with either (a record counts once)
};

struct CalibrationStats {
  size_t records = 0;
  std::vector<TensorCalibration> tensors; // in recording (graph) order
};

// Points per side in the calibration view: every 5th percentile.
inline constexpr size_t kCalibrationQuantiles = 21;

// Evenly spaced order statistics: all of `values` sorted when there are at
// most `points` (>= 2) of them, else the values of rank round(i·(n−1)/(points−1)),
// i = 0..points−1 (the lowest, every (100/(points−1))th percentile by nearest
// rank, the highest). Each is a value that occurred, so the size of the view
// does not grow with the records.
std::vector<float> order_statistics(std::vector<float> values, size_t points);

// Summarizes `ranges` as reduced under `options` (reduce_ranges, so `recorded`
// is exactly what the model gets); no records is an InputError.
CalibrationStats calibration_stats(const RecordedRanges &ranges, const RecordMinMaxOptions &options,
                                   size_t points = kCalibrationQuantiles);

} // namespace qgold::quant
