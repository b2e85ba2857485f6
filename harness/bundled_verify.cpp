#include "harness/bundled_verify.h"

#include "harness/parallel.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <chrono>
#include <map>

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
    result.error = std::string(error.what()) + " (run `qgold regen " + c.id() + "`)";
    result.error_step = "setup";
    result.seconds = seconds_since(start);
    return result;
  }
  std::map<Step, bool> checked;
  try {
    run_case_steps(c, suite.inputs_dir(c), backend, [&](Step step, const ir::Model &model) {
      for (GoldenCheck &check : check_goldens(step, goldens[step], model,
                                              compare_options(tolerances)))
        result.checks.push_back(std::move(check));
      checked[step] = true;
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
  parallel_for(cases.size(), jobs, [&](size_t i) {
    try {
      std::unique_ptr<StepBackend> backend = make_backend();
      result.cases[i] = verify_bundled_case(suite, cases[i], *backend, tolerances);
    } catch (const std::exception &error) {
      result.cases[i].name = cases[i].id();
      result.cases[i].error = error.what();
      result.cases[i].error_step = "setup";
    }
  });
  return result;
}

CaseResult verify_model_against_case(const BundledSuite &suite, const BundledCase &c,
                                     const ir::Model &model, const Tolerances &tolerances) {
  bool float_inputs = !model.inputs.empty() &&
                      model.tensors.at(model.inputs[0]).dtype == ir::DType::Float32;
  Step step = c.full && !(c.weights_only && float_inputs) ? Step::Quantization
                                                          : Step::WoQuantization;
  CaseResult result;
  result.name = c.id();
  auto start = Clock::now();
  try {
    result.checks = check_goldens(step, golden_files(suite.step_dir(c, step)), model,
                                  compare_options(tolerances));
  } catch (const std::exception &error) {
    result.error = error.what();
    result.error_step = std::string(step_name(step));
  }
  result.seconds = seconds_since(start);
  return result;
}

} // namespace qgold::harness
