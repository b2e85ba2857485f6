#pragma once

// Runs a conformance suite laid out like ONE's pota-quantization-value-test
// (see ../shared/conformance/one-pota/README.md): recipes/, test_inputs/,
// expected_outputs/, config_files/ and suite.tsv with one row per case.

#include "harness/compare.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace qgold::harness {

enum class Step { FakeQuantization, RecordMinMax, Quantization, WoQuantization };
std::string_view step_name(Step step); // the golden folder name, "fake_quantization", ...
std::optional<Step> step_from_name(std::string_view name);

struct SuiteCase {
  std::string recipe;      // as written; "<R>_config" for a qconf case of model R
  std::string granularity; // layer | channel
  std::string dtype;       // uint8 | int16 | int8
  std::vector<Step> chained, isolated;
  std::string note;
  int line = 0; // line in suite.tsv

  std::string name() const; // "Conv2D_004/channel/uint8"
};

// Parses suite.tsv (header row, then recipe, granularity, dtype, steps_chained,
// steps_isolated, note; '-' = none). Errors are InputErrors "file:line: ...".
std::vector<SuiteCase> read_suite_tsv(const std::filesystem::path &path);

// One golden file compared against the model after its step.
struct GoldenCheck {
  Step step;
  std::string tensor;    // golden file stem
  std::string error;     // golden unreadable or no such tensor
  std::vector<Mismatch> mismatches;
  // Why the golden was not compared (the backend under test does not run its
  // step); a skipped check neither passes nor fails.
  std::string skipped;
  bool passed() const { return skipped.empty() && error.empty() && mismatches.empty(); }
  bool failed() const { return skipped.empty() && !passed(); }
};

// The golden files (*.json, not hidden) of one step folder, sorted by name.
// A missing folder is an InputError.
std::vector<std::filesystem::path> golden_files(const std::filesystem::path &folder);

// Compares every golden file of `files` with the tensor of `model` of the
// same file stem; an unreadable golden or a stem no tensor has is a failed
// check with an error.
std::vector<GoldenCheck> check_goldens(Step step, const std::vector<std::filesystem::path> &files,
                                       const ir::Model &model, const CompareOptions &options);

// Gives min/max mismatches their size in quantization steps: |diff| / the
// scale of the tensor's golden in `quantization_dir` (as regen measures them).
void measure_ranges_in_steps(std::vector<GoldenCheck> &checks,
                             const std::filesystem::path &quantization_dir);

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
  std::filesystem::path dir;
  std::vector<CaseResult> cases;
  size_t passed() const;
  size_t failed() const;
  size_t skipped() const;
};

struct SuiteOptions {
  Tolerances tolerances;
  unsigned jobs = 1; // cases run in parallel (0 = all cores); results keep suite order
  std::vector<std::string> patterns; // globs on the case name or recipe; empty = all
};

// Runs every case of `dir`/suite.tsv (matching options.patterns). Case failures are recorded, not thrown;
// only an unreadable suite.tsv throws (InputError).
SuiteResult run_one_suite(const std::filesystem::path &dir, const SuiteOptions &options = {});
CaseResult run_one_case(const std::filesystem::path &dir, const SuiteCase &suite_case,
                        const SuiteOptions &options = {});

// The step whose goldens a model quantized elsewhere is checked against:
// quantization, or wo_quantization when the case has no quantization goldens or
// when the model's inputs are still float and the case has weights-only goldens.
Step quantized_model_step(bool has_quantization, bool has_wo_quantization,
                          const ir::Model &model);

// `model` against the golden `files` of `step`, as the case `name`. A model
// with no quantized (integer) tensor is one case error, not a failure per golden.
CaseResult check_quantized_model(std::string name, Step step,
                                 const std::vector<std::filesystem::path> &files,
                                 const ir::Model &model, const Tolerances &tolerances);

// `verify --model` on a suite.tsv suite: `model` against the case's
// quantization (or wo_quantization: `ker` only, as ONE) goldens. A case name
// not in suite.tsv, or a case with neither step, is an InputError.
CaseResult check_model_against_one_case(const std::filesystem::path &dir,
                                        const std::string &case_name, const ir::Model &model,
                                        const Tolerances &tolerances);

// One line per failing value (at most kMaxFailLinesPerKey per golden key, then
// a count of the rest) / check / case error:
//   FAIL <case> <step> <tensor> <key>[<index>] expected <e> got <g> (diff <d>)
// one SKIP line per skipped step and reason, then "N passed, M failed" (and
// ", K skipped" when goldens were skipped). JSON and JUnit list every value.
inline constexpr size_t kMaxFailLinesPerKey = 10;
void print_report(const SuiteResult &result, std::ostream &out);
nlohmann::json report_json(const SuiteResult &result);

} // namespace qgold::harness
