#include "harness/cli/commands.h"

#include "harness/bundled/regen.h"
#include "harness/bundled/suite.h"
#include "harness/cli/options.h"
#include "harness/report/regen_report.h"
#include "harness/suite/layout.h"
#include "harness/suite/shard.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace qgold::cli {

namespace {
struct RegenArgs {
  std::vector<std::string> patterns;
  std::string root, shard, html;
  bool check = false, inputs = false;
};

int run_regen(const RegenArgs &args) {
  harness::SuiteRoot root = harness::locate_suite(args.root);
  if (root.layout == harness::SuiteLayout::SuiteTsv)
    throw InputError(fmt::format("{}: a suite.tsv suite (ONE's pota layout) holds ONE's goldens; "
                                 "regen writes only suites of recipes/*.yaml with tests (verify "
                                 "checks a suite.tsv suite)",
                                 root.dir.string()));
  harness::BundledSuite suite = harness::load_bundled_suite(root.dir);
  auto cases = harness::select_cases(suite, args.patterns);
  if (!args.shard.empty())
    cases = harness::shard_items(cases, parse_shard(args.shard),
                                 [](const harness::BundledCase &c) { return c.id(); });
  harness::RegenOptions options;
  options.check = args.check;
  options.inputs = args.inputs;
  harness::RegenReport report = harness::regenerate(suite, cases, options);
  harness::print_regen_report(report, options, std::cout);
  if (!args.html.empty())
    harness::report::write_regen_html_report(
        report, options,
        harness::report::make_report_context(QGOLD_VERSION, args.check ? "regen --check" : "regen",
                                             root.dir),
        args.html);
  if (!report.errors.empty())
    return kExitBadInput;
  return options.check && report.changed() ? kExitMismatch : kExitOk;
}
} // namespace

void add_regen_command(CLI::App &app, Action &action) {
  auto args = std::make_shared<RegenArgs>();
  CLI::App *command = app.add_subcommand(
      "regen", "Regenerate the bundled suite's goldens with qgold's engine and report changes");
  add_suite_options(*command, args->patterns, args->root,
                    "a bundled suite's root (with recipes/*.yaml); a suite.tsv suite is refused");
  command->add_flag("--check,--dry-run", args->check,
                    "write nothing; exit 1 if anything would change");
  command->add_option("--shard", args->shard,
                      "regenerate only shard K of N of the selected cases (counted from 0; the "
                      "split of verify --shard)")
      ->check(shard_validator());
  command->add_option("--html", args->html,
                      "write a self-contained HTML report of the changes to FILE "
                      "(docs/harness.md#html-reports)");
  command->add_flag("--inputs", args->inputs,
                    "also rewrite test_inputs that differ from the recipe's calibration");
  command->callback([args, &action] { action = [args] { return run_regen(*args); }; });
}

} // namespace qgold::cli
