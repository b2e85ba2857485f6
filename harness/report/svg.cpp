#include "harness/report/svg.h"

#include "harness/report/html.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace qgold::harness::report {

namespace {

constexpr double kWidth = 720, kHeight = 240;
constexpr double kLeft = 64, kRight = 16, kTop = 28, kBottom = 44;
constexpr double kPlotWidth = kWidth - kLeft - kRight, kPlotHeight = kHeight - kTop - kBottom;

// A round upper end for the y axis.
double nice_top(double value) {
  if (!(value > 0) || !std::isfinite(value))
    return 1;
  double power = std::pow(10.0, std::floor(std::log10(value)));
  for (double step : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (value <= step * power)
      return step * power;
  return 10 * power;
}

std::string frame(const std::string &kind, size_t points, const std::string &title,
                  const std::string &y_label, double top) {
  std::string out = fmt::format("<svg class=\"plot\" data-plot=\"{}\" data-points=\"{}\" "
                                "width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\">\n",
                                kind, points, kWidth, kHeight, kWidth, kHeight);
  out += fmt::format("<text x=\"{}\" y=\"16\" font-size=\"13\" font-weight=\"bold\">{}</text>\n",
                     kLeft, html_escape(title));
  out += fmt::format("<text x=\"12\" y=\"{}\" font-size=\"11\" transform=\"rotate(-90 12 {})\" "
                     "text-anchor=\"middle\">{}</text>\n",
                     kTop + kPlotHeight / 2, kTop + kPlotHeight / 2, html_escape(y_label));
  for (int tick = 0; tick <= 4; ++tick) {
    double y = kTop + kPlotHeight * (1 - tick / 4.0);
    out += fmt::format(
        "<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#ddd\"/>"
        "<text x=\"{}\" y=\"{:.1f}\" font-size=\"10\" text-anchor=\"end\">{}</text>\n",
        kLeft, y, kLeft + kPlotWidth, y, kLeft - 4, y + 3, format_number(top * tick / 4));
  }
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#444\"/>"
                     "<line x1=\"{0}\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\" stroke=\"#444\"/>\n",
                     kLeft, kTop, kTop + kPlotHeight, kLeft + kPlotWidth);
  return out;
}

// At most about 16 labels along the x axis.
bool show_label(size_t index, size_t count) {
  size_t every = std::max<size_t>(1, (count + 15) / 16);
  return index % every == 0;
}

// Labels at the ends of an axis are anchored inwards so that they are not cut off.
std::string x_label_text(double x, const std::string &label, std::string_view anchor = "middle") {
  return fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"10\" text-anchor=\"{}\">{}</text>\n",
                     x, kTop + kPlotHeight + 14, anchor, html_escape(label));
}

} // namespace

std::string svg_bar_chart(const BarChart &chart) {
  double largest = chart.limit.value_or(0);
  for (const Bar &bar : chart.bars)
    if (std::isfinite(bar.value))
      largest = std::max(largest, bar.value);
  double top = nice_top(largest);
  std::string out = frame("bars", chart.bars.size(), chart.title, chart.y_label, top);
  double slot = kPlotWidth / std::max<size_t>(1, chart.bars.size());
  for (size_t i = 0; i < chart.bars.size(); ++i) {
    const Bar &bar = chart.bars[i];
    double value = std::isfinite(bar.value) ? std::max(0.0, bar.value) : top;
    double height = std::max(value > 0 ? 1.0 : 0.0, kPlotHeight * std::min(value, top) / top);
    double x = kLeft + slot * i + slot * 0.1;
    out += fmt::format("<rect class=\"bar\" x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" "
                       "height=\"{:.2f}\" fill=\"{}\"><title>{}: {}</title></rect>\n",
                       x, kTop + kPlotHeight - height, std::max(0.5, slot * 0.8), height,
                       bar.colour, html_escape(bar.label), format_number(bar.value));
    if (show_label(i, chart.bars.size()))
      out += x_label_text(x + slot * 0.4, bar.label);
  }
  if (chart.limit && *chart.limit > 0) {
    double y = kTop + kPlotHeight * (1 - *chart.limit / top);
    out += fmt::format("<line class=\"limit\" x1=\"{}\" y1=\"{:.2f}\" x2=\"{}\" y2=\"{:.2f}\" "
                       "stroke=\"#555\" stroke-dasharray=\"4 3\"><title>{}</title></line>\n",
                       kLeft, y, kLeft + kPlotWidth, y, html_escape(chart.limit_label));
  }
  out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{}</text>\n",
                     kLeft + kPlotWidth / 2, kHeight - 6, html_escape(chart.x_label));
  return out + "</svg>\n";
}

std::string svg_line_chart(const LineChart &chart) {
  double largest = 0;
  for (const Series &series : chart.series)
    for (double value : series.values)
      if (std::isfinite(value))
        largest = std::max(largest, value);
  double top = nice_top(largest);
  size_t count = chart.x_labels.size(), points = 0;
  for (const Series &series : chart.series)
    points += std::min(series.values.size(), count);
  std::string out = frame("lines", points, chart.title, chart.y_label, top);
  auto x_of = [&](size_t i) {
    return count <= 1 ? kLeft + kPlotWidth / 2 : kLeft + kPlotWidth * i / (count - 1);
  };
  auto y_of = [&](double v) { return kTop + kPlotHeight * (1 - std::clamp(v, 0.0, top) / top); };
  for (size_t i = 0; i < count; ++i)
    if (show_label(i, count))
      out += x_label_text(x_of(i), chart.x_labels[i],
                          count == 1       ? "middle"
                          : i == 0         ? "start"
                          : i + 1 == count ? "end"
                                           : "middle");
  double legend_x = kLeft + 260;
  for (const Series &series : chart.series) {
    std::string points;
    for (size_t i = 0; i < series.values.size() && i < count; ++i)
      points += fmt::format("{:.1f},{:.1f} ", x_of(i), y_of(series.values[i]));
    out += fmt::format("<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2\" points=\"{}\"/>\n",
                       series.colour, points);
    for (size_t i = 0; i < series.values.size() && i < count; ++i)
      out += fmt::format("<circle class=\"point\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\">"
                         "<title>{} {}: {}</title></circle>\n",
                         x_of(i), y_of(series.values[i]), series.colour,
                         html_escape(chart.x_labels[i]), html_escape(series.name),
                         format_number(series.values[i]));
    out += fmt::format("<rect x=\"{:.0f}\" y=\"8\" width=\"10\" height=\"10\" fill=\"{}\"/>"
                       "<text x=\"{:.0f}\" y=\"17\" font-size=\"11\">{}</text>\n",
                       legend_x, series.colour, legend_x + 14, html_escape(series.name));
    legend_x += 24 + 7 * series.name.size();
  }
  return out + "</svg>\n";
}

} // namespace qgold::harness::report
