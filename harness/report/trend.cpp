#include "harness/report/trend.h"

#include "harness/report/html.h"
#include "harness/report/svg.h"
#include "harness/util/atomic_file.h"
#include "ir/error.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>

namespace qgold::harness::report {

namespace fs = std::filesystem;

nlohmann::json run_summary_json(const RunSummary &run) {
  return {{"when", run.when},     {"revision", run.revision}, {"passed", run.passed},
          {"failed", run.failed}, {"skipped", run.skipped},   {"seconds", run.seconds}};
}

RunSummary parse_run_summary(const nlohmann::json &json, const std::string &origin) {
  try {
    RunSummary run;
    run.when = json.at("when").get<std::string>();
    run.revision = json.at("revision").get<std::string>();
    run.passed = json.at("passed").get<size_t>();
    run.failed = json.at("failed").get<size_t>();
    run.skipped = json.at("skipped").get<size_t>();
    run.seconds = json.at("seconds").get<double>();
    return run;
  } catch (const nlohmann::json::exception &error) {
    throw InputError(fmt::format("{}: not a run summary (keys when, revision, passed, failed, "
                                 "skipped, seconds expected): {}",
                                 origin, error.what()));
  }
}

std::vector<RunSummary> record_run(const fs::path &dir, const RunSummary &run, size_t keep) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error)
    throw InputError(
        fmt::format("{}: cannot create the history folder: {}", dir.string(), error.message()));
  // The summaries shown are read first: a broken one stops the run before it is added.
  std::vector<fs::path> files;
  for (const auto &entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".json" &&
        !entry.path().filename().string().starts_with("."))
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  const size_t earlier = keep > 0 ? keep - 1 : 0; // runs shown besides this one
  if (files.size() > earlier)
    files.erase(files.begin(), files.end() - static_cast<std::ptrdiff_t>(earlier));
  std::vector<RunSummary> runs;
  for (const fs::path &file : files) {
    FileText text = read_file_text(file);
    nlohmann::json json = nlohmann::json::parse(text.text, nullptr, false);
    if (json.is_discarded())
      throw InputError(
          fmt::format("{}: not valid JSON (a run summary of the history folder)", file.string()));
    runs.push_back(parse_run_summary(json, file.string()));
  }
  std::string stamp = fmt::format(
      "{:%Y%m%dT%H%M%S}Z-{}",
      std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()), ::getpid());
  write_file_atomically(dir / (stamp + ".json"), run_summary_json(run).dump(2) + "\n");
  runs.push_back(run);
  return runs;
}

std::string trend_section(const std::vector<RunSummary> &runs) {
  std::string out = fmt::format("<section id=\"trend\">\n<h2>Nightly trend (last {} run{})</h2>\n",
                                runs.size(), runs.size() == 1 ? "" : "s");
  LineChart counts{"Goldens per run", "goldens", {}, {}};
  LineChart time{"Run time", "seconds", {}, {}};
  Series passed{"passed", "#2e7d32", {}}, failed{"failed", "#c62828", {}},
      skipped{"skipped", "#9e9e9e", {}}, seconds{"wall time", "#1565c0", {}};
  std::string rows;
  for (const RunSummary &run : runs) {
    std::string label = run.when.substr(0, std::min<size_t>(run.when.size(), 16));
    counts.x_labels.push_back(label);
    time.x_labels.push_back(label);
    passed.values.push_back(double(run.passed));
    failed.values.push_back(double(run.failed));
    skipped.values.push_back(double(run.skipped));
    seconds.values.push_back(run.seconds);
    rows = fmt::format("<tr data-status=\"{}\"><td>{}</td><td>{}</td><td class=\"num\">{}</td>"
                       "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.1f}"
                       "</td></tr>\n",
                       run.failed ? "failed" : "passed", html_escape(run.when),
                       html_escape(run.revision), run.passed, run.failed, run.skipped,
                       run.seconds) +
           rows; // newest first
  }
  counts.series = {passed, failed, skipped};
  time.series = {seconds};
  out += svg_line_chart(counts) + svg_line_chart(time);
  out += "<table class=\"sortable\" id=\"runs\"><thead><tr><th>run (UTC)</th><th>suite revision"
         "</th><th>passed</th><th>failed</th><th>skipped</th><th>seconds</th></tr></thead>"
         "<tbody>\n" +
         rows + "</tbody></table>\n</section>\n";
  return out;
}

} // namespace qgold::harness::report
