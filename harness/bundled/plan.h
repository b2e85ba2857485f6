#pragma once

// Bundled cases as CasePlans (suite/case_flow.h), for verify and regen.

#include "harness/bundled/suite.h"
#include "harness/suite/case_flow.h"

#include <filesystem>
#include <string>
#include <vector>

namespace qgold::harness {

// What regen runs: the case's settings, recipe and steps, without goldens.
// `inputs_dir` overrides the case's test_inputs folder (regen --check reads
// generated records from a temporary folder).
CasePlan plan_bundled_run(const BundledSuite &suite, const BundledCase &c,
                          const std::filesystem::path &inputs_dir = {});

// What verify runs: plan_bundled_run plus the goldens of every step folder
// that exists (a step that determines no tensor has none). A case without a
// goldens folder gets a setup error naming `qgold regen --suite <root> <case>`;
// a golden that cannot be read is a SuiteError.
CasePlan plan_bundled_verify(const BundledSuite &suite, const BundledCase &c);

// The cases of `suite` matching `patterns` (select_cases), planned for verify.
std::vector<CasePlan> plan_bundled_cases(const BundledSuite &suite,
                                         const std::vector<std::string> &patterns);

// The one case `case_id` (RECIPE/GRANULARITY/DTYPE), for verify --model.
CasePlan plan_bundled_model_case(const BundledSuite &suite, const std::string &case_id);

} // namespace qgold::harness
