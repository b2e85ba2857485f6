#pragma once

// What a report says about the run besides its results: which qgold, on which
// machine, on which revision of the suite.

#include <filesystem>
#include <optional>
#include <string>

namespace qgold::harness::report {

struct ReportContext {
  std::string qgold_version = "unknown";
  std::string machine = "unknown";        // machine_description()
  std::string suite_revision = "unknown"; // git_revision()
  std::string command;                    // "verify", "regen --check", ...
  std::string generated;                  // UTC time, "2026-12-03 12:00:00 UTC"
  std::optional<double> wall_seconds;     // of the whole run
  // Nightly trend (trend.h): the folder of run summaries; the run is added to
  // it and the last `history_runs` are plotted.
  std::filesystem::path history_dir;
  size_t history_runs = 30;
};

// "<hostname>, Linux 6.1.0 x86_64, 2 cores".
std::string machine_description();

// The commit checked out where `dir` is (`git rev-parse --short=12 HEAD`, with
// "-dirty" when tracked files differ), or "unknown" when `dir` is in no git
// checkout or git is missing.
std::string git_revision(const std::filesystem::path &dir);

// Every field filled for a run of `command` on the suite at `suite_dir`.
ReportContext make_report_context(const std::string &qgold_version, const std::string &command,
                                  const std::filesystem::path &suite_dir);

} // namespace qgold::harness::report
