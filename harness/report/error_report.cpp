#include "harness/report/error_report.h"

#include "harness/report/html.h"
#include "harness/report/svg.h"
#include "harness/util/atomic_file.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>

namespace qgold::harness::report {

namespace {

using quant::ErrorReport;
using quant::ErrorReportSources;
using quant::TensorError;

// SQNR for people: two decimals, "inf" for equal tensors.
std::string sqnr_text(double db) {
  return std::isfinite(db) ? fmt::format("{:.2f}", db) : format_number(db);
}

std::string steps_text(const std::optional<double> &steps) {
  if (!steps)
    return "-";
  return std::isfinite(*steps) ? fmt::format("{:.2f}", *steps) : format_number(*steps);
}

using Json = nlohmann::ordered_json;

Json number(double value) {
  if (std::isfinite(value))
    return value;
  return value > 0 ? "inf" : "-inf";
}

std::string shape_text(const ir::Shape &shape) { return ir::shape_to_string(shape); }

// "uint8", as the command line spells dtypes.
std::string dtype_text(ir::DType dtype) {
  std::string name(ir::dtype_name(dtype));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name;
}

// A sort key the page's script reads as a number, infinities included.
std::string sort_key(double value) {
  if (std::isfinite(value))
    return fmt::format("{}", value);
  return value > 0 ? "1e999" : "-1e999";
}

} // namespace

std::vector<size_t> worst_first(const ErrorReport &report) {
  std::vector<size_t> order(report.tensors.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const quant::ErrorStats &x = report.tensors[a].stats, &y = report.tensors[b].stats;
    if (x.sqnr_db != y.sqnr_db)
      return x.sqnr_db < y.sqnr_db;
    return x.max_steps.value_or(-1) > y.max_steps.value_or(-1);
  });
  return order;
}

size_t highlighted_tensors(size_t tensors) {
  return std::min(kHighlightedTensors, std::max<size_t>(1, tensors / 4));
}

std::string error_report_text(const ErrorReport &report, const ErrorReportSources &sources,
                              size_t top) {
  std::string out = fmt::format("error report: {} vs {} on {} record(s) of {}: {} tensor(s) "
                                "compared, {} skipped\n",
                                sources.quantized_model, sources.float_model, report.records,
                                sources.data, report.tensors.size(), report.skipped.size());
  for (const TensorError &tensor : report.tensors)
    if (tensor.graph_output)
      out += fmt::format("output {}: SQNR {} dB, max {} steps\n", tensor.name,
                         sqnr_text(tensor.stats.sqnr_db), steps_text(tensor.stats.max_steps));
  const std::vector<size_t> order = worst_first(report);
  const size_t shown = top == 0 ? order.size() : std::min(top, order.size());
  if (shown > 0) {
    size_t width = 6;
    for (size_t i = 0; i < shown; ++i)
      width = std::max(width, report.tensors[order[i]].name.size());
    out += shown == order.size()
               ? "tensors, worst first:\n"
               : fmt::format("the {} worst of {} tensors (--top 0 lists all):\n", shown,
                             order.size());
    out += fmt::format("{:<{}}  {:<7}  {:>9}  {:>11}  {:>9}  {:>9}\n", "tensor", width, "dtype",
                       "SQNR (dB)", "MSE", "max steps", "cosine");
    for (size_t i = 0; i < shown; ++i) {
      const TensorError &tensor = report.tensors[order[i]];
      out += fmt::format("{:<{}}  {:<7}  {:>9}  {:>11.4g}  {:>9}  {:>9.6f}\n", tensor.name, width,
                         dtype_text(tensor.dtype), sqnr_text(tensor.stats.sqnr_db),
                         tensor.stats.mse, steps_text(tensor.stats.max_steps),
                         tensor.stats.cosine);
    }
  }
  for (const TensorError &tensor : report.tensors)
    if (tensor.stats.nonfinite > 0)
      out += fmt::format("note: {}: {} NaN or infinite float value(s) not compared\n", tensor.name,
                         tensor.stats.nonfinite);
  for (const quant::SkippedTensor &skipped : report.skipped)
    out += fmt::format("skipped {}: {}\n", skipped.name, skipped.reason);
  return out;
}

std::string error_report_json(const ErrorReport &report, const ErrorReportSources &sources) {
  Json json;
  json["float_model"] = sources.float_model;
  json["quantized_model"] = sources.quantized_model;
  json["data"] = sources.data;
  json["records"] = report.records;
  json["tensors"] = Json::array();
  for (const TensorError &tensor : report.tensors) {
    const quant::ErrorStats &s = tensor.stats;
    Json entry;
    entry["name"] = tensor.name;
    entry["dtype"] = dtype_text(tensor.dtype);
    entry["shape"] = tensor.shape;
    entry["scales"] = tensor.scales;
    entry["graph_output"] = tensor.graph_output;
    entry["elements"] = s.elements;
    entry["nonfinite"] = s.nonfinite;
    entry["sqnr_db"] = number(s.sqnr_db);
    entry["mse"] = number(s.mse);
    entry["max_abs_error"] = number(s.max_abs_error);
    entry["max_steps"] = s.max_steps ? number(*s.max_steps) : Json(nullptr);
    entry["cosine"] = number(s.cosine);
    json["tensors"].push_back(std::move(entry));
  }
  json["skipped"] = Json::array();
  for (const quant::SkippedTensor &skipped : report.skipped)
    json["skipped"].push_back({{"name", skipped.name}, {"reason", skipped.reason}});
  return json.dump(2) + "\n";
}

std::string error_report_html(const ErrorReport &report, const ErrorReportSources &sources,
                              const ReportContext &context) {
  const std::vector<size_t> order = worst_first(report);
  // The worst tensors with an error (an infinite SQNR is no error), few enough to stand out.
  std::vector<bool> highlighted(report.tensors.size(), false);
  const size_t highlights = highlighted_tensors(report.tensors.size());
  for (size_t i = 0, marked = 0; i < order.size() && marked < highlights; ++i)
    if (report.tensors[order[i]].stats.sqnr_db != INFINITY) {
      highlighted[order[i]] = true;
      ++marked;
    }

  std::string body = fmt::format("<h1>qgold error report: {} vs {}</h1>\n",
                                 html_escape(sources.quantized_model),
                                 html_escape(sources.float_model));
  body += "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">";
  body += fmt::format("<div class=\"card\"><b>{}</b>records</div>"
                      "<div class=\"card\"><b>{}</b>tensors compared</div>"
                      "<div class=\"card skip\"><b>{}</b>skipped</div>",
                      report.records, report.tensors.size(), report.skipped.size());
  if (!order.empty()) {
    const TensorError &worst = report.tensors[order.front()];
    body += fmt::format("<div class=\"card {}\" id=\"worst\"><b>{} dB</b>lowest SQNR ({})</div>",
                        worst.stats.sqnr_db < 20 ? "fail" : "mixed",
                        sqnr_text(worst.stats.sqnr_db), html_escape(worst.name));
  }
  for (const TensorError &tensor : report.tensors)
    if (tensor.graph_output)
      body += fmt::format("<div class=\"card\" data-output=\"{0}\"><b>{1} dB</b>output {0}</div>",
                          html_escape(tensor.name), sqnr_text(tensor.stats.sqnr_db));
  body += "</div>\n<table class=\"meta\">\n";
  auto row = [&](std::string_view name, const std::string &value) {
    body += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", name, html_escape(value));
  };
  row("float model", sources.float_model);
  row("quantized model", sources.quantized_model);
  row("data", sources.data);
  row("qgold version", context.qgold_version);
  row("machine", context.machine);
  row("generated", context.generated);
  body += "</table>\n<p class=\"note\">SQNR = 10·log10(Σ f² / Σ (f − q)²) over every record, f "
          "the float model's value, q the quantized model's dequantized; steps = |f − q| / "
          "scale. Infinite SQNR: no error.</p>\n</section>\n";

  // SQNR along the graph: an infinite SQNR (no error) as a full bar, the worst in red.
  BarChart sqnr{"SQNR per tensor, in graph order (worst in red)", "tensor (graph order)",
                "SQNR (dB)", {}, std::nullopt, ""};
  BarChart steps{"Largest error per tensor, in quantization steps", "tensor (graph order)",
                 "max |error| (steps)", {}, 1.0, "one step"};
  for (size_t i = 0; i < report.tensors.size(); ++i) {
    const TensorError &tensor = report.tensors[i];
    const double db = tensor.stats.sqnr_db;
    sqnr.bars.push_back({tensor.name, db == -INFINITY ? 0.0 : db,
                         highlighted[i] ? "#c62828" : "#1976d2"});
    steps.bars.push_back({tensor.name, tensor.stats.max_steps.value_or(0.0),
                          highlighted[i] ? "#c62828" : "#7cb342"});
  }
  body += "<section id=\"plots\">\n<h2>Along the graph</h2>\n";
  body += svg_bar_chart(sqnr);
  body += svg_bar_chart(steps);
  body += "</section>\n";

  body += "<section id=\"tensors-section\">\n<h2>Tensors</h2>\n"
          "<div><input type=\"search\" placeholder=\"filter tensors\" data-filter=\"tensors\">"
          "<select data-filter=\"tensors\"><option value=\"\">all</option><option>worst</option>"
          "<option>other</option></select></div>\n"
          "<table class=\"sortable\" id=\"tensors\"><thead><tr><th>#</th><th>tensor</th>"
          "<th>dtype</th><th>shape</th><th>SQNR (dB)</th><th>MSE</th><th>max |error|</th>"
          "<th>max steps</th><th>cosine</th><th>values</th></tr></thead><tbody>\n";
  for (size_t i = 0; i < report.tensors.size(); ++i) {
    const TensorError &tensor = report.tensors[i];
    const quant::ErrorStats &s = tensor.stats;
    body += fmt::format(
        "<tr data-status=\"{}\" data-tensor=\"{}\"{}><td class=\"num\">{}</td><td>{}{}</td>"
        "<td>{}</td><td>{}</td><td class=\"num\" data-sort=\"{}\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\" data-sort=\"{}\">{}"
        "</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
        highlighted[i] ? "worst" : "other", html_escape(tensor.name),
        highlighted[i] ? " class=\"fail\"" : "", i, html_escape(tensor.name),
        tensor.graph_output ? " (output)" : "", dtype_text(tensor.dtype),
        shape_text(tensor.shape), sort_key(s.sqnr_db), sqnr_text(s.sqnr_db),
        format_number(s.mse), format_number(s.max_abs_error),
        s.max_steps ? sort_key(*s.max_steps) : "-1", steps_text(s.max_steps),
        fmt::format("{:.6f}", s.cosine), s.elements);
  }
  body += "</tbody></table>\n</section>\n";
  if (!report.skipped.empty()) {
    body += fmt::format("<section id=\"skipped\">\n<h2>Not compared ({})</h2>\n<ul>\n",
                        report.skipped.size());
    for (const quant::SkippedTensor &skipped : report.skipped)
      body += fmt::format("<li><code>{}</code>: {}</li>\n", html_escape(skipped.name),
                          html_escape(skipped.reason));
    body += "</ul>\n</section>\n";
  }
  return html_page(fmt::format("qgold error report: {}", sources.quantized_model), body);
}

void write_error_report_html(const ErrorReport &report, const ErrorReportSources &sources,
                             const ReportContext &context, const std::filesystem::path &path) {
  write_file_atomically(path, error_report_html(report, sources, context));
}

} // namespace qgold::harness::report
