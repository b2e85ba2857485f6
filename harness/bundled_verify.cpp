#include "harness/bundled_verify.h"

#include "harness/parallel.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <exception>
#include <map>
#include <mutex>

namespace qgold::harness {

namespace {

using Clock = std::chrono::steady_clock;

CompareOptions compare_options(const Tolerances &tolerances) {
  CompareOptions options;
  options.tolerances = tolerances;
  return options; // bundled quantized goldens carry no min/max, so every key is checked
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

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

CaseResult verify_bundled_case(const BundledSuite &suite, const BundledCase &c,
                               StepBackend &backend, const Tolerances &tolerances) {
  CaseResult result;
  result.name = c.id();
  auto start = Clock::now();
  std::map<Step, std::vector<std::filesystem::path>> goldens;
  try {
    if (!std::filesystem::is_directory(suite.goldens_dir(c)))
      throw InputError(fmt::format("{}: no goldens for this case", suite.goldens_dir(c).string()));
    // A step that determines no tensor (fake quantization of a model without
    // weights) has no golden files, and git keeps no empty folders.
    for (Step step : c.steps())
      if (std::filesystem::is_directory(suite.step_dir(c, step)))
        goldens[step] = golden_files(suite.step_dir(c, step));
  } catch (const std::exception &error) {
    result.error = fmt::format("{} (run `{}`)", error.what(), regen_command(suite, c));
    result.error_step = "setup";
    result.seconds = seconds_since(start);
    return result;
  }
  std::map<Step, bool> checked;
  try {
    run_case_steps(c, suite.inputs_dir(c), backend, [&](Step step, const ir::Model &model) {
      checked[step] = true;
      if (std::string reason = backend.skip_reason(step); !reason.empty()) {
        for (const std::filesystem::path &file : goldens[step])
          result.checks.push_back({step, file.stem().string(), "", {}, reason});
        return;
      }
      auto checks = check_goldens(step, goldens[step], model, compare_options(tolerances));
      if (step == Step::RecordMinMax)
        measure_ranges_in_steps(checks, suite.step_dir(c, Step::Quantization));
      for (GoldenCheck &check : checks)
        result.checks.push_back(std::move(check));
    });
  } catch (const StepFailure &failure) {
    result.error = failure.what();
    result.error_step = failure.step;
    for (const auto &[step, files] : goldens)
      if (!checked[step])
        result.unchecked += files.size();
  }
  result.seconds = seconds_since(start);
  return result;
}

SuiteResult verify_bundled(const BundledSuite &suite, const std::vector<BundledCase> &cases,
                           const Tolerances &tolerances, unsigned jobs,
                           const BackendFactory &make_backend) {
  SuiteResult result;
  result.dir = suite.root;
  result.cases.resize(cases.size());
  // The first BackendConfigError stops the run: cases not started yet are left out.
  std::mutex mutex;
  std::exception_ptr config_error;
  parallel_for(cases.size(), jobs, [&](size_t i) {
    {
      std::lock_guard lock(mutex);
      if (config_error)
        return;
    }
    try {
      std::unique_ptr<StepBackend> backend = make_backend();
      result.cases[i] = verify_bundled_case(suite, cases[i], *backend, tolerances);
    } catch (const BackendConfigError &) {
      std::lock_guard lock(mutex);
      if (!config_error)
        config_error = std::current_exception();
    } catch (const std::exception &error) {
      result.cases[i].name = cases[i].id();
      result.cases[i].error = error.what();
      result.cases[i].error_step = "setup";
    }
  });
  if (config_error)
    std::rethrow_exception(config_error);
  return result;
}

CaseResult verify_model_against_case(const BundledSuite &suite, const BundledCase &c,
                                     const ir::Model &model, const Tolerances &tolerances) {
  Step step = quantized_model_step(c.full, c.weights_only, model);
  std::vector<std::filesystem::path> files;
  try {
    files = golden_files(suite.step_dir(c, step));
  } catch (const std::exception &error) {
    CaseResult result;
    result.name = c.id();
    result.error = fmt::format("{} (run `{}`)", error.what(), regen_command(suite, c));
    result.error_step = std::string(step_name(step));
    return result;
  }
  return check_quantized_model(c.id(), step, files, model, tolerances);
}

} // namespace qgold::harness
