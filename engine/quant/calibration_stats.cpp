#include "quant/calibration_stats.h"

#include <algorithm>
#include <cmath>

namespace qgold::quant {

std::vector<float> order_statistics(std::vector<float> values, size_t points) {
  std::sort(values.begin(), values.end());
  if (values.size() <= points || points < 2)
    return values;
  std::vector<float> picked(points);
  const double last = static_cast<double>(values.size() - 1);
  for (size_t i = 0; i < points; ++i)
    picked[i] = values[static_cast<size_t>(std::lround(last * static_cast<double>(i) / (points - 1)))];
  return picked;
}

CalibrationStats calibration_stats(const RecordedRanges &ranges, const RecordMinMaxOptions &options,
                                   size_t points) {
  const std::vector<MinMax> reduced = reduce_ranges(ranges, options);
  CalibrationStats stats;
  stats.records = ranges.records.size();
  for (size_t slot = 0; slot < ranges.tensors.size(); ++slot) {
    TensorCalibration tensor;
    tensor.tensor = ranges.tensors[slot];
    tensor.recorded = reduced[slot];
    std::vector<float> mins, maxs;
    for (const auto &record : ranges.records) {
      const MinMax &range = record[slot];
      mins.push_back(range.min);
      maxs.push_back(range.max);
      const bool below = range.min < tensor.recorded.min, above = range.max > tensor.recorded.max;
      tensor.below += below;
      tensor.above += above;
      tensor.outside += below || above;
    }
    auto distribution = [points](std::vector<float> values) {
      const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
      RangeDistribution out{*lowest, *highest, {}};
      out.quantiles = order_statistics(std::move(values), points);
      return out;
    };
    tensor.mins = distribution(std::move(mins));
    tensor.maxs = distribution(std::move(maxs));
    stats.tensors.push_back(std::move(tensor));
  }
  return stats;
}

} // namespace qgold::quant
