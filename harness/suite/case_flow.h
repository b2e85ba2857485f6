#pragma once

// One case flow for every suite layout: a case is planned from its suite
// (bundled/plan.h, one/plan.h), then its steps run in order through a
// StepBackend and the goldens of each step are compared right after it.

#include "harness/suite/golden_files.h"
#include "harness/suite/result.h"
#include "harness/suite/step_backend.h"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace qgold::harness {

struct CasePlan {
  CaseSettings settings;
  std::filesystem::path recipe_file;
  // Run in this order; fake_quantization and wo_quantization start from the
  // float model, the others from the previous step's model.
  std::vector<Step> steps;
  // Isolated quantization (ONE's suite): these record_minmax goldens stand in
  // for calibration, written into the model before the quantization step.
  std::optional<std::vector<GoldenFile>> fed_ranges;
  // The goldens compared after each step; steps without an entry are not checked.
  std::map<Step, std::vector<GoldenFile>> goldens;
  std::filesystem::path goldens_dir; // expected_outputs/<case>/<granularity>/<dtype>
  // Why the case cannot run at all (its goldens are missing).
  std::string setup_error;
  // Appended to errors about missing goldens: how to write them ("run `qgold regen ...`").
  std::string missing_goldens_hint;
};

// Builds the case's float model and runs plan.steps in order, calling
// `after_step` with each step's output model, and `after_inference` with what
// the inference step computed (the backend's run_inference on the model of
// the step before it). Before record_minmax the case's
// inputs are read: unreadable ones, or NaN or Inf in them, are a SuiteError.
// Any other error but a BackendConfigError is rethrown as a StepFailure
// naming the step.
void run_case_steps(const CasePlan &plan, StepBackend &backend,
                    const std::function<void(Step, const ir::Model &)> &after_step,
                    const std::function<void(const InferenceOutput &)> &after_inference = {});

// Runs the case and compares every golden of plan.goldens. The goldens of a
// step the backend gives a skip_reason for are skipped checks.
CaseResult verify_case(const CasePlan &plan, StepBackend &backend, const Tolerances &tolerances);

using BackendFactory = std::function<std::unique_ptr<StepBackend>()>;

// The cases in order, `jobs` at a time (0 = all cores), one backend per case.
// A BackendConfigError or SuiteError of any case is rethrown once the running
// cases end; cases not started by then are left out.
SuiteResult verify_cases(const std::filesystem::path &root, const std::vector<CasePlan> &plans,
                         const Tolerances &tolerances, unsigned jobs,
                         const BackendFactory &make_backend);

// A model quantized elsewhere against the case's quantization goldens (or its
// wo_quantization goldens, see quantized_model_step). A model with no
// quantized (integer) tensor is one case error, not a failure per golden.
CaseResult check_model(const CasePlan &plan, const ir::Model &model, const Tolerances &tolerances);

} // namespace qgold::harness
