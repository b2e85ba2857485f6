#pragma once

// The calibration view's plot: one row per tensor, each on its own scale, with
// the per-record minima and maxima as dots and the recorded range as a shaded
// band, so that records a percentile or a moving average leaves outside the
// range stand out.

#include <string>
#include <vector>

namespace qgold::harness::report {

struct RangeStrip {
  std::string label;              // the tensor's name
  double recorded_min = 0, recorded_max = 0;
  std::vector<double> mins, maxs; // per-record minima / maxima, or order statistics of them, ascending
  bool summarized = false;        // mins/maxs are evenly spaced order statistics, not every record
};

// <svg class="plot" data-plot="strips" data-points="N"> with one <g class="strip"
// data-tensor="label"> per strip holding a <rect class="recorded"> and one <circle
// class="point"> per value (N in all, each with a <title>); a value outside the recorded
// range gets class "point outside". Non-finite values sit at the ends of their row.
std::string svg_range_strips(const std::string &title, const std::vector<RangeStrip> &strips);

} // namespace qgold::harness::report
