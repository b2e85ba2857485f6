#pragma once

// The rows of a suite.tsv suite as CasePlans (suite/case_flow.h), so that
// ONE's suite runs through any step backend, as qgold's does.
//
// A row's steps: quantization chained or isolated runs fake_quantization
// first; quantization chained, or record_minmax chained, runs record_minmax
// on the case's test_inputs; isolated quantization is fed the case's
// record_minmax goldens instead; wo_quantization starts from the float model.
// Chained and isolated steps are checked (wo_quantization: `ker` only, as ONE).

#include "harness/suite/case_flow.h"

#include <filesystem>
#include <string>
#include <vector>

namespace qgold::harness {

// The rows of `dir`/suite.tsv that match `patterns` (globs on the case name or
// recipe; all when empty), planned. The table must be sound first, or it is a
// SuiteError naming suite.tsv:<line> and the file: every row's recipe, qconf
// (`_config` rows), the golden folder of every step it checks, the
// record_minmax goldens an isolated quantization is fed and the test inputs a
// calibration reads must exist; the goldens of the selected rows must read.
std::vector<CasePlan> plan_one_cases(const std::filesystem::path &dir,
                                     const std::vector<std::string> &patterns);

// The row `case_name` (RECIPE/GRANULARITY/DTYPE), for verify --model. A name
// not in suite.tsv, or a row with neither quantization nor wo_quantization
// goldens, is an InputError.
CasePlan plan_one_model_case(const std::filesystem::path &dir, const std::string &case_name);

} // namespace qgold::harness
