#include "harness/report/verify_report.h"

#include "harness/golden/golden.h"
#include "harness/golden/steps.h"
#include "harness/suite/case_label.h"
#include "harness/report/html.h"
#include "harness/report/svg.h"
#include "harness/report/trend.h"
#include "harness/util/atomic_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <set>

namespace qgold::harness::report {

namespace fs = std::filesystem;

namespace {

std::string case_status(const CaseResult &c) {
  if (c.failed() > 0)
    return "failed";
  return c.passed() == 0 && c.skipped() > 0 ? "skipped" : "passed";
}

std::string check_status(const GoldenCheck &check) {
  return check.passed() ? "passed" : check.failed() ? "failed" : "skipped";
}

// The difference as the tolerance check measured it: in steps (codes) when
// known, else how far a scale moves the end codes, else the plain difference.
double measured(const Mismatch &m) {
  return m.diff_steps ? *m.diff_steps : m.codes_moved ? *m.codes_moved : m.diff;
}

std::string optional_cell(const std::optional<double> &value) {
  return value ? fmt::format("<td class=\"num\">{}</td>", format_number(*value)) : "<td></td>";
}

// The golden a check compared, when the suite still holds it.
std::optional<Golden> read_checked_golden(const fs::path &suite, const std::string &case_id,
                                          const GoldenCheck &check) {
  fs::path file = suite / "expected_outputs" / case_id / std::string(step_name(check.step)) /
                  (check.tensor + ".json");
  std::error_code error;
  if (suite.empty() || !fs::is_regular_file(file, error))
    return std::nullopt;
  try {
    return read_golden(file);
  } catch (const std::exception &) {
    return std::nullopt;
  }
}

// The largest measured difference per channel of a per-channel golden (empty
// for a per-tensor one): channels from the golden's scale list, or from the
// scale/zero_point indices when the golden cannot be read.
std::vector<double> per_channel_difference(const GoldenCheck &check,
                                           const std::optional<Golden> &golden) {
  size_t channels = golden && golden->scale ? golden->scale->size() : 0;
  if (!golden)
    for (const Mismatch &m : check.mismatches)
      if ((m.key == "scale" || m.key == "zero_point") && m.index >= 0)
        channels = std::max(channels, size_t(m.index) + 1);
  if (channels <= 1)
    return {};
  int32_t axis = -1;
  size_t inner = 1;
  if (golden && golden->weights) {
    const ir::Shape &shape = golden->weights->shape;
    axis = channel_axis(shape, channels, -1);
    for (size_t d = size_t(axis) + 1; axis >= 0 && d < shape.size(); ++d)
      inner *= size_t(shape[d]);
  }
  std::vector<double> largest(channels, 0.0);
  for (const Mismatch &m : check.mismatches) {
    if (m.index < 0)
      continue;
    std::optional<size_t> channel;
    if (m.key == "weights") {
      if (axis >= 0)
        channel = (size_t(m.index) / inner) % channels;
    } else if (size_t(m.index) < channels) {
      channel = size_t(m.index);
    }
    if (channel)
      largest[*channel] = std::max(largest[*channel], std::fabs(measured(m)));
  }
  return largest;
}

std::string summary_section(const SuiteResult &result, const ReportContext &context) {
  double case_seconds = 0;
  size_t failed_cases = 0;
  for (const CaseResult &c : result.cases) {
    case_seconds += c.seconds;
    failed_cases += c.failed() > 0;
  }
  std::string out = "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">";
  out += fmt::format("<div class=\"card pass\" id=\"count-passed\"><b>{}</b>goldens passed</div>"
                     "<div class=\"card {}\" id=\"count-failed\"><b>{}</b>goldens failed</div>"
                     "<div class=\"card skip\" id=\"count-skipped\"><b>{}</b>goldens skipped</div>"
                     "<div class=\"card\"><b>{}</b>cases, {} failing</div></div>\n",
                     result.passed(), result.failed() ? "fail" : "pass", result.failed(),
                     result.skipped(), result.cases.size(), failed_cases);
  out += "<table class=\"meta\">\n";
  auto row = [&](std::string_view name, const std::string &value) {
    out += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", name, html_escape(value));
  };
  row("suite", result.dir.string());
  row("suite revision", context.suite_revision);
  row("qgold version", context.qgold_version);
  row("command", context.command);
  row("machine", context.machine);
  row("generated", context.generated);
  std::string time = fmt::format("{:.2f} s summed over cases", case_seconds);
  if (context.wall_seconds)
    time = fmt::format("{:.2f} s wall, ", *context.wall_seconds) + time;
  row("run time", time);
  row("tolerances", describe_tolerances(result.tolerances));
  return out + "</table>\n</section>\n";
}

// Operator x (granularity, dtype): how many cases pass.
std::string matrix_section(const SuiteResult &result) {
  struct Cell {
    size_t passed = 0, failed = 0, skipped = 0;
  };
  std::map<std::string, std::map<std::pair<std::string, std::string>, Cell>> cells;
  std::set<std::pair<std::string, std::string>> columns;
  for (const CaseResult &c : result.cases) {
    CaseLabel label = case_label(c.name);
    std::pair<std::string, std::string> column{label.granularity, label.dtype};
    columns.insert(column);
    Cell &cell = cells[label.op][column];
    std::string status = case_status(c);
    ++(status == "failed" ? cell.failed : status == "skipped" ? cell.skipped : cell.passed);
  }
  std::string out = "<section id=\"matrix\">\n<h2>Operator &times; dtype &times; granularity</h2>\n"
                    "<p class=\"note\">Cases passing / cases per cell; green: all pass, red: all "
                    "fail, amber: some fail, grey: only skipped goldens.</p>\n"
                    "<table class=\"matrix\" id=\"op-matrix\"><thead><tr><th>operator</th>";
  for (const auto &[granularity, dtype] : columns)
    out += fmt::format("<th>{}<br>{}</th>", html_escape(granularity), html_escape(dtype));
  out += "</tr></thead><tbody>\n";
  for (const auto &[op, row] : cells) {
    out += fmt::format("<tr><th>{}</th>", html_escape(op));
    for (const auto &column : columns) {
      auto found = row.find(column);
      if (found == row.end()) {
        out += "<td></td>";
        continue;
      }
      const Cell &cell = found->second;
      size_t total = cell.passed + cell.failed + cell.skipped;
      std::string css = cell.failed == total    ? "fail"
                        : cell.failed > 0       ? "mixed"
                        : cell.skipped == total ? "skip"
                                                : "pass";
      out +=
          fmt::format("<td class=\"{}\" title=\"{} {}/{}: {} passed, {} failed, {} skipped\">"
                      "{}/{}</td>",
                      css, html_escape(op), html_escape(column.first), html_escape(column.second),
                      cell.passed, cell.failed, cell.skipped, cell.passed, total);
    }
    out += "</tr>\n";
  }
  return out + "</tbody></table>\n</section>\n";
}

std::string filters(const std::string &table, const std::string &what) {
  return fmt::format("<div><input type=\"search\" placeholder=\"filter {}\" data-filter=\"{}\">"
                     "<select data-filter=\"{}\"><option value=\"\">all</option>"
                     "<option value=\"failed\">failed</option><option value=\"passed\">passed"
                     "</option><option value=\"skipped\">skipped</option></select></div>\n",
                     what, table, table);
}

// Failed first, then by name.
std::vector<const CaseResult *> cases_in_order(const SuiteResult &result) {
  std::vector<const CaseResult *> cases;
  for (const CaseResult &c : result.cases)
    cases.push_back(&c);
  std::stable_sort(cases.begin(), cases.end(), [](const CaseResult *a, const CaseResult *b) {
    bool fa = a->failed() > 0, fb = b->failed() > 0;
    return fa != fb ? fa : a->name < b->name;
  });
  return cases;
}

std::string cases_section(const std::vector<const CaseResult *> &cases) {
  std::string out = "<section id=\"cases-section\">\n<h2>Cases</h2>\n" + filters("cases", "cases");
  out += "<table class=\"sortable\" id=\"cases\"><thead><tr><th>status</th><th>case</th>"
         "<th>operator</th><th>granularity</th><th>dtype</th><th>passed</th><th>failed</th>"
         "<th>skipped</th><th>seconds</th><th>error</th></tr></thead><tbody>\n";
  for (const CaseResult *c : cases) {
    CaseLabel label = case_label(c->name);
    std::string status = case_status(*c);
    std::string error = c->error.empty() ? "" : c->error_step + ": " + c->error;
    out += fmt::format("<tr data-status=\"{0}\" data-case=\"{1}\"><td class=\"status-{0}\">{0}</td>"
                       "<td>{1}</td><td>{2}</td><td>{3}</td><td>{4}</td><td class=\"num\">{5}</td>"
                       "<td class=\"num\">{6}</td><td class=\"num\">{7}</td>"
                       "<td class=\"num\">{8:.3f}</td><td>{9}</td></tr>\n",
                       status, html_escape(c->name), html_escape(label.op),
                       html_escape(label.granularity), html_escape(label.dtype), c->passed(),
                       c->failed(), c->skipped(), c->seconds, html_escape(error));
  }
  return out + "</tbody></table>\n</section>\n";
}

std::string goldens_section(const std::vector<const CaseResult *> &cases) {
  std::string out =
      "<section id=\"goldens-section\">\n<h2>Goldens</h2>\n" + filters("goldens", "goldens");
  out += "<table class=\"sortable\" id=\"goldens\"><thead><tr><th>status</th><th>case</th>"
         "<th>step</th><th>tensor</th><th>differing values</th><th>largest difference</th>"
         "<th>note</th></tr></thead><tbody>\n";
  for (const CaseResult *c : cases)
    for (const GoldenCheck &check : c->checks) {
      std::string status = check_status(check);
      double largest = 0;
      for (const Mismatch &m : check.mismatches)
        if (m.index >= 0)
          largest = std::max(largest, std::fabs(measured(m)));
      std::string note = !check.skipped.empty() ? check.skipped : check.error;
      out +=
          fmt::format("<tr data-status=\"{0}\" data-tensor=\"{2}\"><td "
                      "class=\"status-{0}\">{0}</td><td>{1}</td>"
                      "<td>{3}</td><td>{2}</td><td class=\"num\">{4}</td><td class=\"num\">{5}</td>"
                      "<td>{6}</td></tr>\n",
                      status, html_escape(c->name), html_escape(check.tensor),
                      step_name(check.step), check.mismatches.size(),
                      check.mismatches.empty() ? "" : format_number(largest), html_escape(note));
    }
  return out + "</tbody></table>\n</section>\n";
}

std::string failing_golden(const SuiteResult &result, const CaseResult &c,
                           const GoldenCheck &check) {
  std::string out = fmt::format("<div class=\"failure\" data-case=\"{}\" data-tensor=\"{}\">\n"
                                "<h3>{} &middot; {} &middot; {}</h3>\n",
                                html_escape(c.name), html_escape(check.tensor), html_escape(c.name),
                                step_name(check.step), html_escape(check.tensor));
  if (!check.error.empty())
    out += fmt::format("<p class=\"status-failed\">{}</p>\n", html_escape(check.error));
  if (!check.mismatches.empty()) {
    out += "<table class=\"values\"><thead><tr><th>key</th><th>index</th><th>expected</th>"
           "<th>got</th><th>diff</th><th>diff (steps/codes)</th><th>moves end codes by</th>"
           "<th>note</th></tr></thead><tbody>\n";
    size_t shown = 0;
    for (const Mismatch &m : check.mismatches) {
      if (++shown > kMaxValueRowsPerGolden)
        break;
      if (m.index < 0) {
        out += fmt::format("<tr><td>{}</td><td colspan=\"7\">{}</td></tr>\n", html_escape(m.key),
                           html_escape(m.problem));
        continue;
      }
      std::string note = m.scale_allowance ? fmt::format("{} more allowed for the scale difference",
                                                         format_number(*m.scale_allowance))
                                           : "";
      out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                         "<td class=\"num\">{}</td><td class=\"num\">{}</td>{}{}<td>{}</td></tr>\n",
                         html_escape(m.key), m.index, format_number(m.expected),
                         format_number(m.got), format_number(m.diff), optional_cell(m.diff_steps),
                         optional_cell(m.codes_moved), note);
    }
    out += "</tbody></table>\n";
    if (check.mismatches.size() > kMaxValueRowsPerGolden)
      out += fmt::format("<p class=\"note\">{} more differing values (the --json report lists "
                         "them all).</p>\n",
                         check.mismatches.size() - kMaxValueRowsPerGolden);
  }
  std::vector<double> channels =
      per_channel_difference(check, read_checked_golden(result.dir, c.name, check));
  if (!channels.empty()) {
    BarChart chart{fmt::format("{} {}: largest difference per channel", c.name, check.tensor),
                   "channel",
                   "steps / codes",
                   {},
                   std::nullopt,
                   ""};
    for (size_t i = 0; i < channels.size(); ++i)
      chart.bars.push_back({fmt::format("{}", i), channels[i], "#c0392b"});
    out += svg_bar_chart(chart);
  }
  return out + "</div>\n";
}

std::string failures_section(const SuiteResult &result,
                             const std::vector<const CaseResult *> &cases) {
  std::string out = "<section id=\"failures\">\n<h2>Failing goldens</h2>\n";
  size_t count = 0;
  for (const CaseResult *c : cases) {
    if (!c->error.empty()) {
      ++count;
      out += fmt::format("<div class=\"failure\" data-case=\"{}\"><h3>{} &middot; {}</h3>"
                         "<p class=\"status-failed\">{} ({} golden(s) unchecked)</p></div>\n",
                         html_escape(c->name), html_escape(c->name), html_escape(c->error_step),
                         html_escape(c->error), c->unchecked);
    }
    for (const GoldenCheck &check : c->checks)
      if (check.failed()) {
        ++count;
        out += failing_golden(result, *c, check);
      }
  }
  if (count == 0)
    out += "<p>None: every checked golden matches.</p>\n";
  return out + "</section>\n";
}

} // namespace

std::string verify_html(const SuiteResult &result, const ReportContext &context) {
  std::vector<const CaseResult *> cases = cases_in_order(result);
  std::string body = fmt::format("<h1>qgold {}: {} passed, {} failed, {} skipped</h1>\n",
                                 html_escape(context.command.empty() ? "verify" : context.command),
                                 result.passed(), result.failed(), result.skipped());
  body += summary_section(result, context);
  if (!context.history_dir.empty()) {
    RunSummary run{context.generated, context.suite_revision, result.passed(),
                   result.failed(),   result.skipped(),       0};
    run.seconds = context.wall_seconds.value_or(0);
    if (!context.wall_seconds)
      for (const CaseResult &c : result.cases)
        run.seconds += c.seconds;
    body += trend_section(record_run(context.history_dir, run, context.history_runs));
  }
  body += matrix_section(result);
  body += failures_section(result, cases);
  body += cases_section(cases);
  body += goldens_section(cases);
  return html_page(fmt::format("qgold verify: {} failed", result.failed()), body);
}

void write_html_report(const SuiteResult &result, const ReportContext &context,
                       const fs::path &path) {
  write_file_atomically(path, verify_html(result, context));
}

} // namespace qgold::harness::report
