#pragma once

// What verifying a suite found: one check per golden file, grouped by case.

#include "harness/golden/compare.h"
#include "harness/suite/step.h"

#include <filesystem>
#include <string>
#include <vector>

namespace qgold::harness {

// One golden file compared against the model after its step.
struct GoldenCheck {
  Step step;
  std::string tensor; // golden file stem
  std::string error;  // no tensor of the model has the golden's name, ...
  std::vector<Mismatch> mismatches;
  // Why the golden was not compared (the backend under test does not run its
  // step); a skipped check neither passes nor fails.
  std::string skipped;
  bool passed() const { return skipped.empty() && error.empty() && mismatches.empty(); }
  bool failed() const { return skipped.empty() && !passed(); }
};

struct CaseResult {
  std::string name;
  double seconds = 0; // wall time of the case
  std::vector<GoldenCheck> checks;
  // A case-level failure (bad recipe, missing inputs, engine error): the step
  // it happened in and how many golden files it left unchecked.
  std::string error;
  std::string error_step;
  size_t unchecked = 0;

  size_t passed() const;
  // Failed checks; an error counts for its unchecked goldens, and at least once.
  size_t failed() const;
  size_t skipped() const;
};

struct SuiteResult {
  std::filesystem::path dir; // the suite root
  std::vector<CaseResult> cases;
  Tolerances tolerances; // what the goldens were compared with
  size_t passed() const;
  size_t failed() const;
  size_t skipped() const;
};

} // namespace qgold::harness
