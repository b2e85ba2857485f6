#pragma once

// Verifies bundled cases: runs each case's steps through a backend and
// compares the goldens of every step right after it.

#include "harness/bundled_suite.h"
#include "harness/case_flow.h"

#include <functional>
#include <memory>

namespace qgold::harness {

using BackendFactory = std::function<std::unique_ptr<StepBackend>()>;

// One case: every golden file of every step of the case (a missing goldens
// folder is a case error: run `qgold regen --suite <root> <case>`). The goldens
// of a step the backend gives a skip_reason for are skipped checks.
CaseResult verify_bundled_case(const BundledSuite &suite, const BundledCase &c,
                               StepBackend &backend, const Tolerances &tolerances);

// The cases in order, `jobs` at a time (0 = all cores), one backend per case.
// A BackendConfigError of any case is rethrown once the running cases end.
SuiteResult verify_bundled(const BundledSuite &suite, const std::vector<BundledCase> &cases,
                           const Tolerances &tolerances, unsigned jobs,
                           const BackendFactory &make_backend);

// A model quantized elsewhere against the case's quantization goldens (or its
// wo_quantization goldens when the case has no full test, or when the model's
// inputs are still float and the case has a weights-only test); see
// check_quantized_model.
CaseResult verify_model_against_case(const BundledSuite &suite, const BundledCase &c,
                                     const ir::Model &model, const Tolerances &tolerances);

} // namespace qgold::harness
