// Mutation test: built with a copy of the integer kernels' fixed-point
// arithmetic whose rounding right shift floors (QGOLD_MUTANT_FLOORING_SHIFT,
// harness/CMakeLists.txt). One flipped rounding rule in the kernels must fail
// the bundled suite's inference goldens, naming the tensors, and nothing else:
// the other steps run no integer kernel.

#include "harness/backend/engine_backend.h"
#include "harness/bundled/plan.h"
#include "harness/suite/report.h"

#include <gtest/gtest.h>

#include <memory>
#include <sstream>

namespace qgold::harness {
namespace {

TEST(MutantRounding, AFlooringShiftFailsTheInferenceGoldensByName) {
  const std::filesystem::path root = QGOLD_SOURCE_DIR;
  const BundledSuite suite = load_bundled_suite(root);
  const SuiteResult result =
      verify_cases(root, plan_bundled_cases(suite, {}), Tolerances{}, 0,
                   [] { return std::make_unique<EngineBackend>(); });
  size_t failed_checks = 0, failed_cases = 0, inference_cases = 0;
  for (const CaseResult &c : result.cases) {
    EXPECT_TRUE(c.error.empty()) << c.name << ": " << c.error;
    bool failed = false, inference = false;
    for (const GoldenCheck &check : c.checks) {
      inference = inference || check.step == Step::Inference;
      if (!check.failed())
        continue;
      EXPECT_EQ(check.step, Step::Inference) << c.name << " " << check.tensor;
      EXPECT_FALSE(check.mismatches.empty()) << c.name << " " << check.tensor << check.error;
      ++failed_checks;
      failed = true;
    }
    failed_cases += failed;
    inference_cases += inference;
  }
  // Every 32-bit requantization (uint8 kernels, int16 Add/Sub) ends in the
  // shift; cases that only move codes, compute through float or requantize
  // with the 64-bit multiplier (int16 convolutions) cannot notice it.
  EXPECT_GE(failed_cases, 100u);
  std::cout << failed_checks << " inference goldens of " << failed_cases << " of "
            << inference_cases << " cases fail with a flooring shift\n";
  // The report names the case, the step and the tensor.
  std::ostringstream text;
  print_report(result, text);
  for (const char *line : {"FAIL Conv2D_000/layer/uint8 inference ofm",
                           "FAIL Add_000/channel/int16 inference ofm"})
    EXPECT_NE(text.str().find(line), std::string::npos) << line;
}

} // namespace
} // namespace qgold::harness
