#include "harness/report/range_strips.h"

#include "harness/report/html.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace qgold::harness::report {

namespace {

constexpr double kWidth = 980, kRow = 20, kTop = 40, kBottom = 8;
constexpr double kLabelEnd = 240, kStripLeft = 330, kStripRight = 890;
constexpr size_t kLabelChars = 34;
constexpr const char *kMinColour = "#1f77b4", *kMaxColour = "#ff7f0e";

// The row's scale: every finite value and the recorded range, never empty.
struct Scale {
  double lo = 0, hi = 1;
  double x(double v) const {
    if (std::isnan(v))
      return kStripLeft;
    const double t = std::isinf(v) ? (v < 0 ? 0.0 : 1.0) : (v - lo) / (hi - lo);
    return kStripLeft + (kStripRight - kStripLeft) * std::clamp(t, 0.0, 1.0);
  }
};

Scale scale_of(const RangeStrip &strip) {
  Scale s{std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest()};
  auto take = [&s](double v) {
    if (std::isfinite(v)) {
      s.lo = std::min(s.lo, v);
      s.hi = std::max(s.hi, v);
    }
  };
  take(strip.recorded_min);
  take(strip.recorded_max);
  for (double v : strip.mins)
    take(v);
  for (double v : strip.maxs)
    take(v);
  if (s.lo > s.hi)
    return {0, 1};
  if (s.hi - s.lo <= 1e-12 * std::max(1.0, std::fabs(s.lo))) {
    const double pad = std::max(0.5, std::fabs(s.lo) * 0.1);
    return {s.lo - pad, s.hi + pad};
  }
  return s;
}

std::string short_label(const std::string &label) {
  if (label.size() <= kLabelChars)
    return label;
  // Keep the end: the distinguishing part of a tensor path is its last component.
  return "\xE2\x80\xA6" + label.substr(label.size() - (kLabelChars - 1));
}

// Which order statistic the i-th of n points is, for its tooltip.
std::string point_name(const RangeStrip &strip, bool is_min, size_t i, size_t n) {
  const char *side = is_min ? "min" : "max";
  if (!strip.summarized)
    return fmt::format("per-record {}", side);
  return fmt::format("per-record {}, p{}", side,
                     format_number(n > 1 ? 100.0 * static_cast<double>(i) / static_cast<double>(n - 1) : 0));
}

std::string points(const RangeStrip &strip, const Scale &scale, double y, bool is_min) {
  const std::vector<double> &values = is_min ? strip.mins : strip.maxs;
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    const double v = values[i];
    const bool outside = is_min ? v < strip.recorded_min : v > strip.recorded_max;
    out += fmt::format("<circle class=\"point{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"{}>"
                       "<title>{}: {}</title></circle>",
                       outside ? " outside" : "", scale.x(v), y, is_min ? kMinColour : kMaxColour,
                       outside ? " stroke=\"#c00\" stroke-width=\"1.5\"" : "",
                       point_name(strip, is_min, i, values.size()), format_number(v));
  }
  return out;
}

} // namespace

std::string svg_range_strips(const std::string &title, const std::vector<RangeStrip> &strips) {
  size_t count = 0;
  for (const RangeStrip &strip : strips)
    count += strip.mins.size() + strip.maxs.size();
  const double height = kTop + kRow * static_cast<double>(strips.size()) + kBottom;
  std::string out = fmt::format("<svg class=\"plot\" data-plot=\"strips\" data-points=\"{}\" width=\"{}\" "
                                "height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\">\n",
                                count, kWidth, height, kWidth, height);
  out += fmt::format("<text x=\"4\" y=\"16\" font-size=\"13\" font-weight=\"bold\">{}</text>\n", html_escape(title));
  // Legend.
  out += fmt::format("<rect x=\"{0}\" y=\"24\" width=\"22\" height=\"10\" fill=\"#cfe3f7\" stroke=\"#2b5d8a\"/>"
                     "<text x=\"{1}\" y=\"33\" font-size=\"11\">recorded range</text>"
                     "<circle cx=\"{2}\" cy=\"29\" r=\"3\" fill=\"{3}\"/><text x=\"{4}\" y=\"33\" "
                     "font-size=\"11\">per-record min</text>"
                     "<circle cx=\"{5}\" cy=\"29\" r=\"3\" fill=\"{6}\"/><text x=\"{7}\" y=\"33\" "
                     "font-size=\"11\">per-record max</text>"
                     "<circle cx=\"{8}\" cy=\"29\" r=\"3\" fill=\"#fff\" stroke=\"#c00\" stroke-width=\"1.5\"/>"
                     "<text x=\"{9}\" y=\"33\" font-size=\"11\">outside the recorded range</text>\n",
                     kStripLeft, kStripLeft + 26, kStripLeft + 130, kMinColour, kStripLeft + 137,
                     kStripLeft + 240, kMaxColour, kStripLeft + 247, kStripLeft + 350, kStripLeft + 357);
  for (size_t row = 0; row < strips.size(); ++row) {
    const RangeStrip &strip = strips[row];
    const Scale scale = scale_of(strip);
    const double top = kTop + kRow * static_cast<double>(row), mid = top + kRow / 2;
    out += fmt::format("<g class=\"strip\" data-tensor=\"{}\">", html_escape(strip.label));
    if (row % 2 == 1)
      out += fmt::format("<rect x=\"0\" y=\"{:.0f}\" width=\"{}\" height=\"{}\" fill=\"#f6f6f6\"/>", top, kWidth,
                         kRow);
    out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"11\" text-anchor=\"end\"><title>{}</title>{}"
                       "</text>",
                       kLabelEnd, mid + 4, html_escape(strip.label), html_escape(short_label(strip.label)));
    out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"10\" text-anchor=\"end\" fill=\"#555\">{}</text>"
                       "<text x=\"{}\" y=\"{:.1f}\" font-size=\"10\" fill=\"#555\">{}</text>",
                       kStripLeft - 6, mid + 3.5, format_number(scale.lo), kStripRight + 6, mid + 3.5,
                       format_number(scale.hi));
    out += fmt::format("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#bbb\"/>", kStripLeft, mid,
                       kStripRight, mid);
    if (scale.lo < 0 && scale.hi > 0)
      out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#999\" "
                         "stroke-dasharray=\"2 2\"><title>0</title></line>",
                         scale.x(0), top + 2, top + kRow - 2);
    const double x0 = scale.x(strip.recorded_min), x1 = scale.x(strip.recorded_max);
    out += fmt::format("<rect class=\"recorded\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{}\" "
                       "fill=\"#cfe3f7\" fill-opacity=\"0.8\" stroke=\"#2b5d8a\"><title>recorded range [{}, {}]"
                       "</title></rect>",
                       std::min(x0, x1), top + 2, std::max(1.0, std::fabs(x1 - x0)), kRow - 4,
                       format_number(strip.recorded_min), format_number(strip.recorded_max));
    out += points(strip, scale, mid - 3, true);
    out += points(strip, scale, mid + 3, false);
    out += "</g>\n";
  }
  return out + "</svg>\n";
}

} // namespace qgold::harness::report
