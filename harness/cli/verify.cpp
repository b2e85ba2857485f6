#include "harness/cli/commands.h"

#include "format/model_file.h"
#include "harness/adapter.h"
#include "harness/atomic_file.h"
#include "harness/bundled_suite.h"
#include "harness/bundled_verify.h"
#include "harness/junit.h"
#include "harness/one_suite.h"
#include "harness/tolerances.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace qgold::cli {

namespace fs = std::filesystem;

namespace {
struct VerifyArgs {
  std::vector<std::string> patterns;
  std::string suite, json, junit, tolerances, model, case_id, backend;
  unsigned jobs = 1;
  bool exact = false;
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

// --tolerances, else <suite>/tolerances.yaml when present, else ONE's defaults.
harness::Tolerances tolerances_for(const VerifyArgs &args, const fs::path &suite_dir) {
  harness::Tolerances tolerances;
  if (!args.tolerances.empty())
    tolerances = harness::load_tolerances(args.tolerances);
  else if (fs::exists(suite_dir / "tolerances.yaml"))
    tolerances = harness::load_tolerances(suite_dir / "tolerances.yaml");
  tolerances.exact = tolerances.exact || args.exact;
  return tolerances;
}

harness::SuiteResult run_bundled(const VerifyArgs &args, const fs::path &root) {
  harness::BundledSuite suite = harness::load_bundled_suite(root);
  harness::Tolerances tolerances = tolerances_for(args, root);
  if (!args.model.empty()) {
    auto cases = harness::select_cases(suite, {args.case_id});
    if (cases.size() != 1 || cases[0].id() != args.case_id)
      throw InputError(fmt::format("--case '{}': expected one case as RECIPE/GRANULARITY/DTYPE "
                                   "(e.g. Conv2D_001/channel/uint8)",
                                   args.case_id));
    ir::Model model = format::read_model_file(args.model);
    harness::SuiteResult result;
    result.dir = args.model;
    result.cases.push_back(harness::verify_model_against_case(suite, cases[0], model, tolerances));
    return result;
  }
  auto cases = harness::select_cases(suite, args.patterns);
  harness::BackendFactory factory = [] { return std::make_unique<harness::EngineBackend>(); };
  std::shared_ptr<harness::Adapter> adapter;
  if (!args.backend.empty()) {
    adapter = std::make_shared<harness::Adapter>(harness::load_adapter(args.backend));
    std::string qgold = self_path();
    factory = [adapter, qgold] { return std::make_unique<harness::AdapterBackend>(*adapter, qgold); };
  }
  return harness::verify_bundled(suite, cases, tolerances, args.jobs, factory);
}

int run_verify(const VerifyArgs &args, const char *argv0) {
  if (args.model.empty() != args.case_id.empty())
    throw InputError("--model and --case go together");
  if (to_stdout(args.json) && to_stdout(args.junit))
    throw InputError("--json - and --junit -: only one report can go to standard output");
  harness::SuiteResult result;
  bool one_layout = !args.suite.empty() && fs::exists(fs::path(args.suite) / "suite.tsv");
  if (one_layout && !args.model.empty()) {
    result.dir = args.model;
    result.cases.push_back(harness::check_model_against_one_case(
        args.suite, args.case_id, format::read_model_file(args.model),
        tolerances_for(args, args.suite)));
  } else if (one_layout) {
    if (!args.backend.empty())
      throw InputError("--backend runs on the bundled suite layout, not on a suite.tsv suite");
    harness::SuiteOptions options;
    options.tolerances = tolerances_for(args, args.suite);
    options.jobs = args.jobs;
    options.patterns = args.patterns;
    result = harness::run_one_suite(args.suite, options);
  } else {
    fs::path root = args.suite.empty() ? harness::default_repo_root(argv0) : fs::path(args.suite);
    result = run_bundled(args, root);
  }
  const bool report_to_stdout = to_stdout(args.json) || to_stdout(args.junit);
  harness::print_report(result, report_to_stdout ? std::cerr : std::cout);
  write_report(args.json, harness::report_json(result).dump(2) + "\n");
  write_report(args.junit, harness::junit_xml(result));
  return result.failed() == 0 ? kExitOk : kExitMismatch;
}
} // namespace

void add_verify_command(CLI::App &app, Action &action) {
  auto args = std::make_shared<VerifyArgs>();
  CLI::App *command = app.add_subcommand(
      "verify", "Verify golden data: qgold's bundled suite (default) or a suite folder");
  command->add_option("patterns", args->patterns,
                      "globs on case ids (Conv2D_001/channel/uint8) or names; default: all");
  command->add_option("--suite", args->suite,
                      "a folder with suite.tsv (ONE's pota layout) or with recipes/ (bundled "
                      "layout); default: the repository holding this qgold")
      ->check(CLI::ExistingDirectory);
  command->add_option("-j,--jobs", args->jobs, "cases run in parallel (0 = all cores)")
      ->capture_default_str();
  command->add_option("--json", args->json,
                      "write a JSON summary (per-case timings) to FILE (- for stdout)");
  command->add_option("--junit", args->junit, "write JUnit XML to FILE (- for stdout)");
  command->add_option("--tolerances", args->tolerances,
                      "YAML file of per-key tolerances (default: <suite>/tolerances.yaml if "
                      "present, else ONE's)")
      ->check(CLI::ExistingFile);
  command->add_flag("--exact", args->exact, "require exact equality instead of tolerances");
  command->add_option("--model", args->model,
                      "check a model quantized elsewhere (.circle or .tflite) against --case")
      ->check(CLI::ExistingFile);
  command->add_option("--case", args->case_id,
                      "RECIPE/GRANULARITY/DTYPE for --model: a case of the suite --suite names "
                      "(default: the bundled suite)");
  command->add_option("--backend", args->backend,
                      "adapter YAML: run the steps with another toolchain's commands (the "
                      "goldens of steps it has no command for are skipped)")
      ->check(CLI::ExistingFile);
  command->callback([args, &action] {
    action = [args] { return run_verify(*args, nullptr); };
  });
}

} // namespace qgold::cli
