#pragma once

// Plots of qgold's HTML reports, drawn as inline SVG: a bar chart (per-channel
// differences, histograms) and a line chart (trends across runs).

#include <optional>
#include <string>
#include <vector>

namespace qgold::harness::report {

struct Bar {
  std::string label; // x-axis label and tooltip
  double value = 0;
  std::string colour = "#c0392b";
};

struct BarChart {
  std::string title, x_label, y_label;
  std::vector<Bar> bars;
  std::optional<double> limit; // a dashed horizontal line (a tolerance)
  std::string limit_label;
};

struct Series {
  std::string name, colour;
  std::vector<double> values; // one per x label
};

struct LineChart {
  std::string title, y_label;
  std::vector<std::string> x_labels;
  std::vector<Series> series;
};

// <svg class="plot" data-plot="bars|lines" data-points="N"> with one <rect
// class="bar"> per bar / one <polyline> per series and <circle class="point"> per
// value (N: bars, or values of all series),
// each with a <title> tooltip; names are HTML-escaped.
std::string svg_bar_chart(const BarChart &chart);
std::string svg_line_chart(const LineChart &chart);

} // namespace qgold::harness::report
