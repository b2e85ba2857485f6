#include "harness/cli/commands.h"

#include "harness/one_suite.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>

namespace qgold::cli {

namespace {
struct VerifyArgs {
  std::string suite, json;
  bool exact = false;
};

int run_verify(const VerifyArgs &args) {
  harness::SuiteOptions options;
  options.tolerances.exact = args.exact;
  harness::SuiteResult result = harness::run_one_suite(args.suite, options);
  harness::print_report(result, std::cout);
  if (!args.json.empty()) {
    std::ofstream out(args.json, std::ios::trunc);
    out << harness::report_json(result).dump(2) << '\n';
    out.close();
    if (!out)
      throw InputError(fmt::format("{}: cannot write", args.json));
  }
  return result.failed() == 0 ? kExitOk : kExitMismatch;
}
} // namespace

void add_verify_command(CLI::App &app, Action &action) {
  auto args = std::make_shared<VerifyArgs>();
  CLI::App *command = app.add_subcommand(
      "verify", "Run a conformance suite (ONE pota layout) and compare every golden");
  command->add_option("--suite", args->suite, "suite folder holding suite.tsv")
      ->required()
      ->check(CLI::ExistingDirectory);
  command->add_option("--json", args->json, "also write the results as JSON");
  command->add_flag("--exact", args->exact, "require exact equality instead of ONE's tolerances");
  command->callback([args, &action] { action = [args] { return run_verify(*args); }; });
}

} // namespace qgold::cli
