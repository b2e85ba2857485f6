#include "harness/cli/commands.h"

#include "format/model_file.h"
#include "harness/backend/adapter.h"
#include "harness/cli/options.h"
#include "harness/bundled/plan.h"
#include "harness/one/plan.h"
#include "harness/report/verify_report.h"
#include "harness/suite/conformance.h"
#include "harness/suite/junit.h"
#include "harness/suite/layout.h"
#include "harness/suite/report.h"
#include "harness/suite/shard.h"
#include "harness/util/atomic_file.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <unistd.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <optional>

namespace qgold::cli {

namespace fs = std::filesystem;

namespace {
struct VerifyArgs {
  std::vector<std::string> patterns;
  std::string suite, json, junit, html, history, tolerances, model, case_id, backend, shard;
  unsigned jobs = 1;
  size_t history_runs = 30;
  bool exact = false, by_operator = false;
};

// "-" is standard output; the summary then goes to standard error, out of the report's way.
bool to_stdout(const std::string &path) { return path == "-"; }

void write_report(const std::string &path, const std::string &text) {
  if (!path.empty())
    harness::write_file_atomically(to_stdout(path) ? "/dev/stdout" : path, text);
}

std::string self_path() {
  std::error_code error;
  fs::path exe = fs::read_symlink("/proc/self/exe", error);
  return error ? std::string("qgold") : exe.string();
}

harness::BackendFactory backend_factory(const std::string &adapter_file) {
  if (adapter_file.empty())
    return [] { return std::make_unique<harness::EngineBackend>(); };
  auto adapter = std::make_shared<harness::Adapter>(harness::load_adapter(adapter_file));
  return [adapter, qgold = self_path()] {
    return std::make_unique<harness::AdapterBackend>(*adapter, qgold);
  };
}

// With --shard, `shard` gets what the report needs for merge-reports.
harness::SuiteResult run_verify_suite(const VerifyArgs &args, const harness::SuiteRoot &root,
                                      const harness::Tolerances &tolerances,
                                      std::optional<harness::ShardInfo> &shard) {
  const bool tsv = root.layout == harness::SuiteLayout::SuiteTsv;
  if (!args.model.empty()) {
    harness::CasePlan plan =
        tsv ? harness::plan_one_model_case(root.dir, args.case_id)
            : harness::plan_bundled_model_case(harness::load_bundled_suite(root.dir), args.case_id);
    harness::SuiteResult result;
    result.dir = root.dir;
    result.tolerances = tolerances;
    result.cases.push_back(
        harness::check_model(plan, format::read_model_file(args.model), tolerances));
    return result;
  }
  std::vector<harness::CasePlan> plans =
      tsv ? harness::plan_one_cases(root.dir, args.patterns)
          : harness::plan_bundled_cases(harness::load_bundled_suite(root.dir), args.patterns);
  if (!args.shard.empty()) {
    auto id = [](const harness::CasePlan &plan) { return plan.settings.id; };
    shard = harness::ShardInfo{parse_shard(args.shard), {}, "qgold"};
    if (!args.backend.empty())
      shard->backend = fs::weakly_canonical(fs::absolute(args.backend)).string();
    for (const harness::CasePlan &plan : plans)
      shard->cases.push_back(id(plan));
    plans = harness::shard_items(plans, shard->shard, id);
  }
  return harness::verify_cases(root.dir, plans, tolerances, args.jobs,
                               backend_factory(args.backend));
}

int run_verify(const VerifyArgs &args) {
  if (args.model.empty() != args.case_id.empty())
    throw InputError("--model and --case go together");
  if (!args.model.empty() && !args.backend.empty())
    throw InputError("--model checks a model quantized elsewhere: no --backend runs the steps");
  if (!args.model.empty() && !args.shard.empty())
    throw InputError("--model checks one case: --shard splits a suite's cases");
  if (to_stdout(args.json) && to_stdout(args.junit))
    throw InputError("--json - and --junit -: only one report can go to standard output");
  harness::SuiteRoot root = harness::locate_suite(args.suite);
  harness::Tolerances tolerances = harness::suite_tolerances(root, args.tolerances, args.exact);
  const auto start = std::chrono::steady_clock::now();
  std::optional<harness::ShardInfo> shard;
  harness::SuiteResult result = run_verify_suite(args, root, tolerances, shard);
  const bool report_to_stdout = to_stdout(args.json) || to_stdout(args.junit);
  std::ostream &summary = report_to_stdout ? std::cerr : std::cout;
  if (shard)
    summary << fmt::format("shard {}/{}: {} of {} case(s)\n", shard->shard.index,
                           shard->shard.count, result.cases.size(), shard->cases.size());
  harness::print_report(result, summary);
  // On a terminal the conformance table comes anyway: people read it, logs need not.
  if (args.by_operator || (!report_to_stdout && ::isatty(STDOUT_FILENO)))
    harness::print_conformance(harness::conformance_rows(result), summary);
  nlohmann::json report = harness::report_json(result);
  if (shard)
    report["shard"] = harness::shard_json(*shard);
  if (args.by_operator)
    report["conformance"] = harness::conformance_json(harness::conformance_rows(result));
  write_report(args.json, report.dump(2) + "\n");
  write_report(args.junit, harness::junit_xml(result, args.by_operator));
  if (!args.html.empty()) {
    auto context = harness::report::make_report_context(QGOLD_VERSION, "verify", root.dir);
    context.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    context.history_dir = args.history;
    context.history_runs = args.history_runs;
    harness::report::write_html_report(result, context, args.html);
  }
  return result.failed() == 0 ? kExitOk : kExitMismatch;
}
} // namespace

void add_verify_command(CLI::App &app, Action &action) {
  auto args = std::make_shared<VerifyArgs>();
  CLI::App *command = app.add_subcommand(
      "verify", "Verify golden data: the suite one stands in (qgold's bundled suite by "
                "default) or a suite folder");
  add_suite_options(*command, args->patterns, args->suite,
                    "a folder with suite.tsv (ONE's pota layout) or with recipes/ (bundled "
                    "layout)");
  command->add_option("-j,--jobs", args->jobs, "cases run in parallel (0 = all cores)")
      ->capture_default_str();
  command->add_option("--json", args->json,
                      "write a JSON summary (per-case timings) to FILE (- for stdout)");
  command->add_option("--junit", args->junit, "write JUnit XML to FILE (- for stdout)");
  command->add_option("--html", args->html,
                      "write a self-contained HTML report to FILE (docs/harness.md#html-reports)");
  command->add_option("--history", args->history,
                      "with --html: add this run's summary to folder DIR and plot the last "
                      "--history-runs runs (the nightly trend)")
      ->needs("--html");
  command->add_option("--history-runs", args->history_runs, "runs the trend plots")
      ->check(CLI::Range(size_t(1), size_t(10000)))
      ->capture_default_str()
      ->needs("--history");
  command->add_option("--tolerances", args->tolerances,
                      "YAML file of per-key tolerances over the suite's policy (default: "
                      "<suite>/tolerances.yaml if present; the policy: ONE's allclose for "
                      "suite.tsv suites, else qgold's, docs/harness.md)")
      ->check(CLI::ExistingFile);
  command->add_option("--shard", args->shard,
                      "verify only shard K of N of the selected cases (counted from 0; "
                      "merge-reports joins the shards' --json reports)")
      ->check(shard_validator());
  command->add_flag("--exact", args->exact, "require exact equality instead of tolerances");
  command->add_flag("--by-op", args->by_operator,
                    "group results by operator x granularity x dtype: a conformance table after "
                    "the summary, a \"conformance\" list in --json, a testsuite per group in "
                    "--junit");
  command->add_option("--model", args->model,
                      "check a model quantized elsewhere (.circle or .tflite) against --case")
      ->check(CLI::ExistingFile);
  command->add_option("--case", args->case_id,
                      "RECIPE/GRANULARITY/DTYPE for --model: a case of the suite (see --suite)");
  command->add_option("--backend", args->backend,
                      "adapter YAML: run the steps with another toolchain's commands, on either "
                      "suite layout (the goldens of steps it has no command for are skipped)")
      ->check(CLI::ExistingFile);
  command->callback([args, &action] {
    action = [args] { return run_verify(*args); };
  });
}

} // namespace qgold::cli
