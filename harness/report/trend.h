#pragma once

// The nightly trend: one small JSON summary per run in a history folder, and
// the plots of the last runs.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace qgold::harness::report {

struct RunSummary {
  std::string when; // "2026-12-03 12:00:00 UTC"
  std::string revision;
  size_t passed = 0, failed = 0, skipped = 0;
  double seconds = 0; // wall time of the run
};

nlohmann::json run_summary_json(const RunSummary &run);
// An InputError naming `origin` when a key is missing or of the wrong type.
RunSummary parse_run_summary(const nlohmann::json &json, const std::string &origin);

// Reads the last `keep` - 1 summaries in `dir` (created if needed; file names
// sort by time), writes `run` there as "<UTC time>-<pid>.json" and returns
// them with `run` last. A summary that cannot be read is an InputError naming
// it, and then `run` is not written.
std::vector<RunSummary> record_run(const std::filesystem::path &dir, const RunSummary &run,
                                   size_t keep);

// The "Nightly trend" section: passed/failed/skipped and run time per run.
std::string trend_section(const std::vector<RunSummary> &runs);

} // namespace qgold::harness::report
