#include "harness/bundled/plan.h"

#include "ir/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace qgold::harness {

namespace fs = std::filesystem;

namespace {

// The regen command that writes a case's goldens; with --suite, so that it
// works from any working directory.
std::string regen_command(const BundledSuite &suite, const BundledCase &c) {
  std::string root = suite.root.string();
  bool plain = std::all_of(root.begin(), root.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || std::strchr("_./+-", ch);
  });
  if (!plain) { // single-quoted for the shell, ' written as '\''
    std::string quoted = "'";
    for (char ch : root)
      quoted += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    root = quoted + "'";
  }
  return fmt::format("qgold regen --suite {} {}", root, c.id());
}

} // namespace

CasePlan plan_bundled_run(const BundledSuite &suite, const BundledCase &c,
                          const fs::path &inputs_dir) {
  CasePlan plan;
  plan.settings.id = c.id();
  plan.settings.granularity = c.granularity;
  plan.settings.dtype = c.dtype;
  plan.settings.qconf = c.qconf;
  plan.settings.qconf_json = c.qconf_json;
  plan.settings.inputs_dir = inputs_dir.empty() ? suite.inputs_dir(c) : inputs_dir;
  plan.recipe_file = c.recipe_file;
  plan.steps = c.steps();
  plan.goldens_dir = suite.goldens_dir(c);
  plan.missing_goldens_hint = fmt::format(" (run `{}`)", regen_command(suite, c));
  return plan;
}

CasePlan plan_bundled_verify(const BundledSuite &suite, const BundledCase &c) {
  CasePlan plan = plan_bundled_run(suite, c);
  if (!fs::is_directory(plan.goldens_dir)) {
    plan.setup_error = fmt::format("{}: no goldens for this case{}", plan.goldens_dir.string(),
                                   plan.missing_goldens_hint);
    return plan;
  }
  // A step that determines no tensor (fake quantization of a model without
  // weights) has no golden files, and git keeps no empty folders.
  for (Step step : plan.steps)
    if (fs::path folder = suite.step_dir(c, step); fs::is_directory(folder))
      plan.goldens[step] = read_golden_folder(folder);
  return plan;
}

std::vector<CasePlan> plan_bundled_cases(const BundledSuite &suite,
                                         const std::vector<std::string> &patterns) {
  std::vector<CasePlan> plans;
  for (const BundledCase &c : select_cases(suite, patterns))
    plans.push_back(plan_bundled_verify(suite, c));
  return plans;
}

CasePlan plan_bundled_model_case(const BundledSuite &suite, const std::string &case_id) {
  auto cases = select_cases(suite, {case_id});
  if (cases.size() != 1 || cases[0].id() != case_id)
    throw InputError(fmt::format("--case '{}': expected one case as RECIPE/GRANULARITY/DTYPE "
                                 "(e.g. Conv2D_001/channel/uint8)",
                                 case_id));
  return plan_bundled_verify(suite, cases[0]);
}

} // namespace qgold::harness
