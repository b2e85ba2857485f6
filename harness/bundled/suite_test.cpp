// One test per (case, step) of the bundled suite, discovered from recipes/ when
// ctest lists the tests: `ctest -R Conv2D_001` runs that recipe's cases.
#include "harness/backend/engine_backend.h"
#include "harness/bundled/plan.h"
#include "harness/bundled/step_goldens.h"
#include "harness/suite/check.h"

#include <gtest/gtest.h>

#include <cctype>

namespace qgold::harness {
namespace {

struct StepParam {
  BundledCase c;
  Step step;
};

const BundledSuite &bundled_suite() {
  static const BundledSuite suite = [] {
    try {
      return load_bundled_suite(QGOLD_SOURCE_DIR);
    } catch (const std::exception &error) {
      ADD_FAILURE() << "cannot load the bundled suite: " << error.what();
      return BundledSuite{};
    }
  }();
  return suite;
}

std::vector<StepParam> all_steps() {
  std::vector<StepParam> params;
  for (const BundledCase &c : bundled_suite().cases)
    for (Step step : c.steps())
      params.push_back({c, step});
  return params;
}

// "Conv2D_001/channel/uint8" + quantization -> "Conv2D_001_channel_uint8_quantization".
std::string test_name(const testing::TestParamInfo<StepParam> &info) {
  std::string name = info.param.c.id() + "_" + std::string(step_name(info.param.step));
  for (char &ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch)))
      ch = '_';
  return name;
}

// Printed by gtest (and so in ctest's test names) instead of the parameter's raw bytes.
void PrintTo(const StepParam &param, std::ostream *out) {
  *out << param.c.id() << ' ' << step_name(param.step);
}

class BundledStep : public testing::TestWithParam<StepParam> {};

TEST_P(BundledStep, MatchesGoldens) {
  // Not a structured binding: clang 14 (the sanitizer build) cannot capture those in lambdas.
  const BundledCase &c = GetParam().c;
  const Step step = GetParam().step;
  CasePlan plan = plan_bundled_verify(bundled_suite(), c);
  ASSERT_EQ(plan.setup_error, "");
  const std::vector<GoldenFile> &goldens = plan.goldens[step];
  EngineBackend engine;
  bool ran = false;
  auto expect_passed = [&](const std::vector<GoldenCheck> &checks) {
    for (const GoldenCheck &check : checks) {
      EXPECT_EQ(check.error, "") << check.tensor;
      for (const Mismatch &mismatch : check.mismatches)
        ADD_FAILURE() << check.tensor << " " << mismatch.describe();
    }
  };
  run_case_steps(
      plan, engine,
      [&](Step done, const ir::Model &model) {
        if (done != step)
          return;
        ran = true;
        // Every tensor the step determines has a golden, and nothing else does.
        EXPECT_EQ(step_goldens(step, model).goldens.size(), goldens.size())
            << "run `qgold regen " << c.id() << "`";
        expect_passed(check_goldens(step, goldens, model, Tolerances{},
                                    &plan.goldens[Step::Quantization]));
      },
      [&](const InferenceOutput &output) {
        if (step != Step::Inference)
          return;
        ran = true;
        EXPECT_EQ(inference_goldens(output).goldens.size(), goldens.size())
            << "run `qgold regen " << c.id() << "`";
        expect_passed(check_inference(goldens, output, Tolerances{}));
      });
  EXPECT_TRUE(ran);
}

INSTANTIATE_TEST_SUITE_P(Bundled, BundledStep, testing::ValuesIn(all_steps()), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(BundledStep);

TEST(BundledSuite, EveryRecipeWithTestsIsACase) {
  const BundledSuite &suite = bundled_suite();
  ASSERT_GE(suite.cases.size(), 40u);
  for (size_t i = 1; i < suite.cases.size(); ++i)
    EXPECT_LT(suite.cases[i - 1].id(), suite.cases[i].id());
}

} // namespace
} // namespace qgold::harness
