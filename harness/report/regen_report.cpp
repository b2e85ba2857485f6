#include "harness/report/regen_report.h"

#include "harness/report/html.h"
#include "harness/report/svg.h"
#include "harness/util/atomic_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace qgold::harness::report {

namespace {

std::string kind_name(TensorChange::Kind kind) {
  switch (kind) {
  case TensorChange::Kind::Added: return "added";
  case TensorChange::Kind::Removed: return "removed";
  case TensorChange::Kind::Changed: return "changed";
  }
  return "";
}

std::string bin_label(size_t bin) {
  constexpr size_t n = std::size(kChangeBinEnds);
  if (bin == 0)
    return fmt::format("<{}", format_number(kChangeBinEnds[0]));
  if (bin == n)
    return fmt::format(">={}", format_number(kChangeBinEnds[n - 1]));
  return fmt::format("{}-{}", format_number(kChangeBinEnds[bin - 1]),
                     format_number(kChangeBinEnds[bin]));
}

std::string list_section(const std::string &id, const std::string &title,
                         const std::vector<std::string> &items) {
  if (items.empty())
    return "";
  std::string out =
      fmt::format("<section id=\"{}\">\n<h2>{} ({})</h2>\n<ul>\n", id, title, items.size());
  for (const std::string &item : items)
    out += fmt::format("<li>{}</li>\n", html_escape(item));
  return out + "</ul>\n</section>\n";
}

} // namespace

std::vector<size_t> change_histogram(const RegenReport &report) {
  std::vector<size_t> bins(std::size(kChangeBinEnds) + 1, 0);
  for (const TensorChange &change : report.tensors)
    for (float steps : change.value_steps) {
      auto end =
          std::upper_bound(std::begin(kChangeBinEnds), std::end(kChangeBinEnds), double(steps));
      ++bins[size_t(end - std::begin(kChangeBinEnds))];
    }
  return bins;
}

std::string regen_html(const RegenReport &report, const RegenOptions &options,
                       const ReportContext &context) {
  size_t counts[3] = {0, 0, 0};
  size_t values = 0, measured = 0;
  for (const TensorChange &change : report.tensors) {
    ++counts[static_cast<int>(change.kind)];
    values += change.values_changed;
    measured += change.value_steps.size();
  }
  std::string verb = options.check ? "would change" : "changed";
  std::string body = fmt::format("<h1>qgold {}: {} case(s) {}</h1>\n",
                                 html_escape(context.command.empty() ? "regen" : context.command),
                                 report.cases_added.size() + report.cases_changed.size(), verb);
  body += "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">";
  body += fmt::format("<div class=\"card {}\" id=\"count-changed\"><b>{}</b>cases changed</div>"
                      "<div class=\"card\"><b>{}</b>cases added</div>"
                      "<div class=\"card pass\"><b>{}</b>cases unchanged</div>"
                      "<div class=\"card {}\"><b>{}</b>cases failed</div>"
                      "<div class=\"card\"><b>{} / {} / {}</b>tensors added / removed / changed"
                      "</div><div class=\"card\"><b>{}</b>values changed</div></div>\n",
                      report.cases_changed.empty() ? "pass" : "mixed", report.cases_changed.size(),
                      report.cases_added.size(), report.cases_unchanged,
                      report.errors.empty() ? "pass" : "fail", report.errors.size(), counts[0],
                      counts[1], counts[2], values);
  body += "<table class=\"meta\">\n";
  auto row = [&](std::string_view name, const std::string &value) {
    body += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", name, html_escape(value));
  };
  row("mode",
      options.check ? "check only (--check/--dry-run): nothing was written" : "goldens written");
  row("suite revision", context.suite_revision);
  row("qgold version", context.qgold_version);
  row("machine", context.machine);
  row("generated", context.generated);
  body += "</table>\n</section>\n";

  body += "<section id=\"histogram\">\n<h2>All changed values</h2>\n";
  BarChart chart{"Changed values by size of change",
                 "change (quantization steps)",
                 "values",
                 {},
                 std::nullopt,
                 ""};
  std::vector<size_t> bins = change_histogram(report);
  for (size_t bin = 0; bin < bins.size(); ++bin)
    chart.bars.push_back({bin_label(bin), double(bins[bin]),
                          bin < 3   ? "#7cb342"
                          : bin < 4 ? "#f9a825"
                                    : "#c62828"});
  body += svg_bar_chart(chart);
  body += fmt::format("<p class=\"note\">{} changed value(s) of changed tensors; {} of them "
                      "measured in steps (codes for integers; difference / scale for min, max "
                      "and float weights; for scales, how far the end codes move), {} with no "
                      "known scale.</p>\n</section>\n",
                      values, measured, values - measured);

  // Per case: how many tensors changed and the largest change.
  std::map<std::string, std::pair<size_t, double>> per_case;
  for (const TensorChange &change : report.tensors) {
    auto &[tensors, largest] = per_case[change.case_id];
    ++tensors;
    if (change.largest && change.largest->steps)
      largest = std::max(largest, *change.largest->steps);
  }
  body += "<section id=\"changed-cases\">\n<h2>Changed cases</h2>\n"
          "<table class=\"sortable\" id=\"regen-cases\"><thead><tr><th>case</th><th>tensors "
          "added/removed/changed</th><th>largest change (steps)</th></tr></thead><tbody>\n";
  for (const auto &[id, entry] : per_case)
    body += fmt::format("<tr data-case=\"{0}\"><td>{0}</td><td class=\"num\">{1}</td>"
                        "<td class=\"num\">{2}</td></tr>\n",
                        html_escape(id), entry.first, format_number(entry.second));
  body += "</tbody></table>\n</section>\n";

  if (!report.effects.empty()) {
    body += "<section id=\"end-to-end\">\n<h2>End to end: output SQNR against the float "
            "model</h2>\n<table class=\"sortable\" id=\"effects\"><thead><tr><th>case</th>"
            "<th>output</th><th>SQNR before (dB)</th><th>SQNR after (dB)</th><th>change (dB)"
            "</th></tr></thead><tbody>\n";
    for (const OutputEffect &effect : report.effects) {
      const double delta = effect.after_db - effect.before_db;
      body += fmt::format("<tr data-status=\"{}\"><td>{}</td><td>{}</td><td class=\"num\">{}"
                          "</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                          delta < 0 ? "failed" : "passed", html_escape(effect.case_id),
                          html_escape(effect.tensor), format_number(effect.before_db),
                          format_number(effect.after_db), format_number(delta));
    }
    body += "</tbody></table>\n<p>SQNR of each graph output's inference codes, dequantized with "
            "its quantization golden, against the float model on the case's inputs; a "
            "negative change is a worse end-to-end error.</p>\n</section>\n";
  }

  body += "<section id=\"changed-tensors\">\n<h2>Changed tensors</h2>\n"
          "<div><input type=\"search\" placeholder=\"filter tensors\" data-filter=\"tensors\">"
          "<select data-filter=\"tensors\"><option value=\"\">all</option><option>changed"
          "</option><option>added</option><option>removed</option></select></div>\n"
          "<table class=\"sortable\" id=\"tensors\"><thead><tr><th>change</th><th>case</th>"
          "<th>step</th><th>tensor</th><th>values changed</th><th>largest change (steps)</th>"
          "<th>largest change</th></tr></thead><tbody>\n";
  std::vector<const TensorChange *> sorted;
  for (const TensorChange &change : report.tensors)
    sorted.push_back(&change);
  auto steps_of = [](const TensorChange *c) {
    return c->largest && c->largest->steps ? *c->largest->steps : -1.0;
  };
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](auto *a, auto *b) { return steps_of(a) > steps_of(b); });
  for (const TensorChange *change : sorted) {
    std::string kind = kind_name(change->kind);
    body += fmt::format("<tr data-status=\"{0}\" data-case=\"{1}\" data-tensor=\"{3}\"><td>{0}</td>"
                        "<td>{1}</td><td>{2}</td><td>{3}</td><td class=\"num\">{4}</td>"
                        "<td class=\"num\" data-sort=\"{5}\">{6}</td><td>{7}</td></tr>\n",
                        kind, html_escape(change->case_id), step_name(change->step),
                        html_escape(change->stem), change->values_changed, steps_of(change),
                        steps_of(change) < 0 ? "" : format_number(steps_of(change)),
                        change->largest ? html_escape(change->largest->describe()) : "");
  }
  body += "</tbody></table>\n</section>\n";
  body += list_section("inputs", options.check ? "Inputs that would be written" : "Inputs written",
                       report.inputs_written);
  body += list_section("errors", "Cases that failed (left unchanged)", report.errors);
  body += list_section("orphans", "Golden folders of no case (left alone)", report.orphans);
  return html_page(fmt::format("qgold regen: {} case(s) {}",
                               report.cases_added.size() + report.cases_changed.size(), verb),
                   body);
}

void write_regen_html_report(const RegenReport &report, const RegenOptions &options,
                             const ReportContext &context, const std::filesystem::path &path) {
  write_file_atomically(path, regen_html(report, options, context));
}

} // namespace qgold::harness::report
