#pragma once

// `qgold regen`: regenerates the goldens of bundled cases with qgold's engine
// and reports what changed.

#include "harness/bundled/end_to_end.h"
#include "harness/bundled/suite.h"
#include "harness/golden/golden.h"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace qgold::harness {

struct RegenOptions {
  bool check = false;  // report only; write nothing
  bool inputs = false; // also rewrite test_inputs that differ from the calibration
};

// The largest change of one golden's values; `steps` is in quantization steps:
// codes for integer values, |diff| / scale for min, max and float weights when
// a scale is known, and for a scale the codes it moves at the ends of the
// tensor's range (golden/steps.h).
struct ValueChange {
  std::string key;
  int64_t index = -1; // -1: the key appeared, disappeared or changed shape
  double before = 0, after = 0;
  std::optional<double> steps;
  bool integral = false; // the values are integers (codes)
  // "weights[3] 144 -> 145 (1 step)", "scale[0] 0.01 -> 0.0101 (moves the end codes by 2.5)"
  std::string describe() const;
};

// What measures a tensor's changes: the scale of its quantized golden (per
// channel along `axis`), and how far its codes reach from the zero point
// (golden/steps.h end_codes).
struct ChangeMeasure {
  std::optional<GoldenArray> scale;
  int32_t axis = -1;
  std::vector<double> end_codes;
};

struct TensorChange {
  enum class Kind { Added, Removed, Changed };
  Kind kind;
  std::string case_id;
  Step step;
  std::string stem;
  std::optional<ValueChange> largest; // Changed only
  // Changed only: how many values changed, and the change of each in steps
  // where a step is known (the HTML report's histogram).
  size_t values_changed = 0;
  std::vector<float> value_steps;
};

struct RegenReport {
  std::vector<std::string> cases_added, cases_changed; // ids
  size_t cases_unchanged = 0;
  std::vector<TensorChange> tensors;
  std::vector<std::string> inputs_written; // test_inputs files (would be) written
  std::vector<std::string> errors;         // "<case> <step>: message"; such cases are untouched
  std::vector<std::string> orphans;        // goldens folders of no current case (left alone)
  // Changed cases whose inference goldens existed: each graph output's SQNR
  // against the float model before and after (end_to_end.h).
  std::vector<OutputEffect> effects;
  size_t stale_temporaries_removed = 0;
  bool changed() const { return !tensors.empty() || !inputs_written.empty(); }
};

RegenReport regenerate(const BundledSuite &suite, const std::vector<BundledCase> &cases,
                       const RegenOptions &options);

// Lists every change, then "<n> cases: a added, c changed, u unchanged; tensors: ..."
void print_regen_report(const RegenReport &report, const RegenOptions &options,
                        std::ostream &out);

// The largest value change between two goldens of one tensor, in the steps
// `measure` gives. `all` (may be null) receives the count of changed values
// and the steps of each whose step is known.
std::optional<ValueChange> largest_change(const Golden &before, const Golden &after,
                                          const ChangeMeasure &measure,
                                          TensorChange *all = nullptr);

} // namespace qgold::harness
