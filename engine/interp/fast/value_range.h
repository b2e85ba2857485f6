#pragma once

#include <limits>
#include <span>

namespace qgold::interp::fast {

// Smallest and largest non-NaN value of a tensor (+/-Inf count). With no
// such value min > max (the initial state), which empty() reports.
struct ValueRange {
  float min = std::numeric_limits<float>::max();
  float max = std::numeric_limits<float>::lowest();
  bool empty() const { return !(min <= max); }
};

// One pass over `values`, vectorized where the CPU allows. A NaN never
// replaces a bound (as `v < min ? v : min`); among equal values the bound
// may be either +0.0 or -0.0.
ValueRange value_range(std::span<const float> values);

} // namespace qgold::interp::fast
