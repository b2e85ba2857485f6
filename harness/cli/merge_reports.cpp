#include "harness/cli/commands.h"

#include "harness/report/verify_report.h"
#include "harness/suite/junit.h"
#include "harness/suite/merge.h"
#include "harness/suite/report.h"
#include "harness/util/atomic_file.h"
#include "ir/error.h"

#include <iostream>
#include <memory>

namespace qgold::cli {

namespace {

struct MergeReportsArgs {
  std::vector<std::string> parts;
  std::string json, junit, html;
};

bool to_stdout(const std::string &path) { return path == "-"; }

void write_report(const std::string &path, const std::string &text) {
  if (!path.empty())
    harness::write_file_atomically(to_stdout(path) ? "/dev/stdout" : path, text);
}

// The reports verify would have written for the unsharded run.
void write_reports(const harness::SuiteResult &result, const MergeReportsArgs &args) {
  write_report(args.json, harness::report_json(result).dump(2) + "\n");
  write_report(args.junit, harness::junit_xml(result));
  if (!args.html.empty())
    harness::report::write_html_report(
        result, harness::report::make_report_context(QGOLD_VERSION, "merge-reports", result.dir),
        args.html);
}

int run_merge_reports(const MergeReportsArgs &args) {
  if (to_stdout(args.json) && to_stdout(args.junit))
    throw InputError("--json - and --junit -: only one report can go to standard output");
  std::vector<harness::ReportPart> parts;
  for (const std::string &file : args.parts)
    parts.push_back(harness::read_report_part(file));
  const harness::SuiteResult result = harness::merge_report_parts(parts);
  const bool report_to_stdout = to_stdout(args.json) || to_stdout(args.junit);
  harness::print_report(result, report_to_stdout ? std::cerr : std::cout);
  write_reports(result, args);
  return result.failed() == 0 ? kExitOk : kExitMismatch;
}

} // namespace

void add_merge_reports_command(CLI::App &app, Action &action) {
  auto args = std::make_shared<MergeReportsArgs>();
  CLI::App *command = app.add_subcommand(
      "merge-reports", "Join the JSON reports of verify --shard K/N into the unsharded run's "
                       "reports (exit 1 when a case failed, as verify)");
  command->add_option("parts", args->parts, "the --json report of every shard 0..N-1, in any order")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--json", args->json, "write the merged JSON report to FILE (- for stdout)");
  command->add_option("--junit", args->junit, "write the merged JUnit XML to FILE (- for stdout)");
  command->add_option("--html", args->html,
                      "write the merged verify view as a self-contained HTML report to FILE "
                      "(docs/harness.md#html-reports)");
  command->callback([args, &action] { action = [args] { return run_merge_reports(*args); }; });
}

} // namespace qgold::cli
