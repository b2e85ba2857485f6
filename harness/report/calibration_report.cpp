#include "harness/report/calibration_report.h"

#include "harness/report/html.h"
#include "harness/report/range_strips.h"
#include "harness/util/atomic_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace qgold::harness::report {

namespace {

using Mode = quant::RecordMinMaxOptions::Mode;

std::string number_cell(double value) {
  return fmt::format("<td class=\"num\" data-sort=\"{}\">{}</td>", value, format_number(value));
}

std::string percent(size_t part, size_t whole) {
  const double tenths = std::round(1000.0 * static_cast<double>(part) / static_cast<double>(std::max<size_t>(whole, 1)));
  return fmt::format("{}%", format_number(tenths / 10));
}

std::vector<double> widen(const std::vector<float> &values) { return {values.begin(), values.end()}; }

std::string tensor_name(const ir::Model &model, int32_t index) {
  return model.tensors.at(static_cast<size_t>(index)).name;
}

} // namespace

std::string describe_reduction(const quant::RecordMinMaxOptions &options) {
  switch (options.mode) {
  case Mode::Percentile:
    return fmt::format("percentile {}-{}", format_number(options.min_percentile),
                       format_number(options.max_percentile));
  case Mode::MovingAverage:
    return fmt::format("moving_average batch {}, constant {}", options.moving_avg_batch,
                       format_number(options.moving_avg_const));
  case Mode::MinMax: return "minmax";
  }
  return "";
}

std::string calibration_html(const ir::Model &model, const quant::CalibrationStats &stats,
                             const CalibrationSource &source, const ReportContext &context) {
  size_t clipping = 0, worst = 0;
  std::string worst_name;
  for (const quant::TensorCalibration &t : stats.tensors) {
    clipping += t.outside > 0;
    if (t.outside > worst) {
      worst = t.outside;
      worst_name = tensor_name(model, t.tensor);
    }
  }
  const std::string command = context.command.empty() ? "record-minmax" : context.command;
  std::string body = fmt::format("<h1>qgold {}: {} tensor(s) over {} record(s)</h1>\n", html_escape(command),
                                 stats.tensors.size(), stats.records);
  body += "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">";
  body += fmt::format("<div class=\"card\"><b>{}</b>tensors recorded</div>"
                      "<div class=\"card\"><b>{}</b>records</div>"
                      "<div class=\"card {}\" id=\"count-outside\"><b>{}</b>tensors with records outside "
                      "their range</div>"
                      "<div class=\"card\"><b>{}</b>most records outside ({})</div></div>\n",
                      stats.tensors.size(), stats.records, clipping ? "mixed" : "pass", clipping,
                      percent(worst, stats.records), worst ? html_escape(worst_name) : "no tensor");
  body += "<table class=\"meta\">\n";
  auto row = [&](std::string_view name, const std::string &value) {
    body += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", name, html_escape(value));
  };
  row("model", source.model);
  row("dataset", source.dataset);
  if (!source.output.empty())
    row("calibrated model", source.output);
  row("reduction", describe_reduction(source.options));
  row("backend", source.options.backend == quant::RecordMinMaxOptions::Backend::Fast ? "fast (oneDNN)"
                                                                                   : "reference");
  if (source.options.skip_nonfinite)
    row("records left out (NaN or Inf inputs)", fmt::format("{}", source.skipped));
  row("qgold version", context.qgold_version);
  row("command", context.command);
  row("machine", context.machine);
  row("generated", context.generated);
  body += "</table>\n</section>\n";

  std::vector<RangeStrip> strips;
  const bool summarized = std::any_of(stats.tensors.begin(), stats.tensors.end(), [&](const auto &t) {
    return t.mins.quantiles.size() < stats.records;
  });
  for (const quant::TensorCalibration &t : stats.tensors)
    strips.push_back({tensor_name(model, t.tensor), t.recorded.min, t.recorded.max, widen(t.mins.quantiles),
                      widen(t.maxs.quantiles), t.mins.quantiles.size() < stats.records});
  body += "<section id=\"ranges\">\n<h2>Recorded ranges in graph order</h2>\n";
  body += fmt::format(
      "<p class=\"note\">One row per recorded tensor (graph inputs, then operator outputs, in graph order), "
      "each on its own scale from its lowest to its highest value. Dots: the minimum (blue) and the maximum "
      "(orange) of each record{}; band: the range record-minmax wrote ({}). Dots outside the band are "
      "records the recorded range clips.</p>\n",
      summarized ? fmt::format(", or with more than {} records the 0th, {}th, ..., 100th percentiles of them",
                               quant::kCalibrationQuantiles,
                               format_number(100.0 / (quant::kCalibrationQuantiles - 1)))
                 : "",
      html_escape(describe_reduction(source.options)));
  body += svg_range_strips("Per-record minima and maxima against the recorded range", strips);
  body += "</section>\n";

  body += "<section id=\"table\">\n<h2>Tensors</h2>\n"
          "<div><input type=\"search\" placeholder=\"filter tensors\" data-filter=\"tensors\">"
          "<select data-filter=\"tensors\"><option value=\"\">all</option>"
          "<option value=\"outside\">records outside</option><option value=\"inside\">all records inside"
          "</option></select></div>\n"
          "<table class=\"sortable\" id=\"tensors\"><thead><tr><th>#</th><th>tensor</th><th>shape</th>"
          "<th>recorded min</th><th>recorded max</th><th>lowest record min</th><th>highest record min</th>"
          "<th>lowest record max</th><th>highest record max</th><th>records below</th><th>records above</th>"
          "<th>records outside</th><th>% outside</th></tr></thead><tbody>\n";
  for (size_t i = 0; i < stats.tensors.size(); ++i) {
    const quant::TensorCalibration &t = stats.tensors[i];
    const ir::Tensor &tensor = model.tensors.at(static_cast<size_t>(t.tensor));
    body += fmt::format("<tr data-status=\"{}\" data-tensor=\"{}\"><td class=\"num\">{}</td><td>{}</td><td>{}</td>",
                        t.outside ? "outside" : "inside", html_escape(tensor.name), i, html_escape(tensor.name),
                        ir::shape_to_string(tensor.shape));
    for (double v : {double(t.recorded.min), double(t.recorded.max), double(t.mins.lowest),
                     double(t.mins.highest), double(t.maxs.lowest), double(t.maxs.highest)})
      body += number_cell(v);
    body += fmt::format("<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num{}\">{}</td>"
                        "<td class=\"num\" data-sort=\"{}\">{}</td></tr>\n",
                        t.below, t.above, t.outside ? " status-failed" : "", t.outside,
                        stats.records ? static_cast<double>(t.outside) / stats.records : 0.0,
                        percent(t.outside, stats.records));
  }
  body += "</tbody></table>\n</section>\n";
  return html_page(fmt::format("qgold {}: {} tensor(s), {} record(s)", command, stats.tensors.size(), stats.records),
                   body);
}

void write_calibration_html_report(const ir::Model &model, const quant::CalibrationStats &stats,
                                   const CalibrationSource &source, const ReportContext &context,
                                   const std::filesystem::path &path) {
  write_file_atomically(path, calibration_html(model, stats, source, context));
}

} // namespace qgold::harness::report
