#include "ir/error.h"
#include "quant/quant.h"

#include <fmt/format.h>

namespace qgold::quant {
namespace {

// Written so that NaN fails too.
void check_within(float value, float min, float max, const char *what) {
  if (!(value >= min && value <= max))
    throw InputError(
        fmt::format("record-minmax: {} {} is outside [{}, {}]", what, value, min, max));
}

} // namespace

void RecordMinMaxOptions::validate() const {
  check_within(min_percentile, 0.0f, 100.0f, "min percentile");
  check_within(max_percentile, 0.0f, 100.0f, "max percentile");
  if (min_percentile > max_percentile)
    throw InputError(fmt::format("record-minmax: min percentile {} is above max percentile {}",
                                 min_percentile, max_percentile));
  if (moving_avg_batch == 0)
    throw InputError("record-minmax: moving-average batch size must be at least 1");
  check_within(moving_avg_const, 0.0f, 1.0f, "moving-average constant");
}

} // namespace qgold::quant
