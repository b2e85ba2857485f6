#include "harness/one_suite.h"

#include "ir/error.h"
#include "recipe/recipe.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace qgold;
using namespace qgold::harness;
namespace fs = std::filesystem;

namespace {

const fs::path kSuite = QGOLD_SHARED_DIR "/conformance/one-pota";

// A scratch folder removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("qgold_one_suite_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  void write(const fs::path &relative, const std::string &text) const {
    fs::create_directories((path / relative).parent_path());
    std::ofstream(path / relative) << text;
  }
};

const char *kHeader = "recipe\tgranularity\tdtype\tsteps_chained\tsteps_isolated\tnote\n";

} // namespace

TEST(OneSuite, StepNames) {
  EXPECT_EQ(step_name(Step::RecordMinMax), "record_minmax");
  EXPECT_EQ(step_from_name("wo_quantization"), Step::WoQuantization);
  EXPECT_FALSE(step_from_name("quantize"));
}

TEST(OneSuite, ReadsSuiteTable) {
  TempDir dir;
  dir.write("suite.tsv", std::string(kHeader) +
                             "Conv2D_004\tchannel\tuint8\tfake_quantization,record_minmax\t-\tok\n"
                             "\n"
                             "Add_002_config\tchannel\tint16\t-\tquantization\t-\n");
  auto cases = read_suite_tsv(dir.path / "suite.tsv");
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].name(), "Conv2D_004/channel/uint8");
  EXPECT_EQ(cases[0].chained, (std::vector<Step>{Step::FakeQuantization, Step::RecordMinMax}));
  EXPECT_TRUE(cases[0].isolated.empty());
  EXPECT_EQ(cases[0].note, "ok");
  EXPECT_EQ(cases[1].line, 4);
  EXPECT_EQ(cases[1].isolated, (std::vector<Step>{Step::Quantization}));
}

TEST(OneSuite, SuiteTableErrorsNameTheLine) {
  TempDir dir;
  dir.write("suite.tsv", std::string(kHeader) + "Conv2D_004\tchannel\tuint8\tcalibrate\t-\t-\n");
  try {
    read_suite_tsv(dir.path / "suite.tsv");
    FAIL() << "expected an InputError";
  } catch (const InputError &error) {
    EXPECT_NE(std::string(error.what()).find("suite.tsv:2: unknown step 'calibrate'"),
              std::string::npos)
        << error.what();
  }
  dir.write("suite.tsv", std::string(kHeader) + "../x\tchannel\tuint8\t-\t-\t-\n");
  EXPECT_THROW(read_suite_tsv(dir.path / "suite.tsv"), InputError);
  dir.write("suite.tsv", "name\tgran\n");
  EXPECT_THROW(read_suite_tsv(dir.path / "suite.tsv"), InputError);
}

TEST(OneSuite, BadRecipeIsAFailureLineNotACrash) {
  TempDir dir;
  dir.write("suite.tsv", std::string(kHeader) + "Broken\tchannel\tuint8\tfake_quantization\t-\t-\n");
  dir.write("recipes/Broken/test.recipe", "operand { name: \"x\" type: NOSUCHTYPE }\n");
  dir.write("expected_outputs/Broken/channel/uint8/fake_quantization/ker.json", "{\"weights\": [1]}\n");
  dir.write("expected_outputs/Broken/channel/uint8/fake_quantization/bias.json", "{\"weights\": [1]}\n");
  SuiteResult result = run_one_suite(dir.path);
  ASSERT_EQ(result.cases.size(), 1u);
  EXPECT_FALSE(result.cases[0].error.empty());
  EXPECT_EQ(result.cases[0].error_step, "recipe");
  EXPECT_EQ(result.passed(), 0u);
  EXPECT_EQ(result.failed(), 2u); // both goldens left unchecked
  std::ostringstream report;
  print_report(result, report);
  EXPECT_NE(report.str().find("FAIL Broken/channel/uint8 recipe: "), std::string::npos) << report.str();
  EXPECT_NE(report.str().find("\n0 passed, 2 failed\n"), std::string::npos) << report.str();
  EXPECT_EQ(report_json(result)["failed"], 2);
}

TEST(OneSuite, MissingGoldenFolderIsACaseFailure) {
  TempDir dir;
  dir.write("suite.tsv", std::string(kHeader) + "M\tlayer\tuint8\trecord_minmax\t-\t-\n");
  SuiteResult result = run_one_suite(dir.path);
  ASSERT_EQ(result.cases.size(), 1u);
  EXPECT_NE(result.cases[0].error.find("golden folder missing"), std::string::npos);
  EXPECT_EQ(result.failed(), 1u);
}

// The whole visible ONE suite must reproduce. This is the end-to-end check of
// recipe -> fake-quant -> record-minmax -> quantize; it fails until the quant
// library reproduces every golden (owned by the lead).
TEST(OneSuite, VisibleSuitePasses) {
  if (!fs::exists(kSuite / "suite.tsv"))
    GTEST_SKIP() << kSuite << " not present";
  SuiteResult result = run_one_suite(kSuite);
  std::ostringstream report;
  print_report(result, report);
  EXPECT_EQ(result.cases.size(), 14u);
  // 55 golden files, minus the 6 record_minmax goldens of isolated cases (fed ranges, not checks).
  EXPECT_EQ(result.passed() + result.failed(), 49u) << report.str();
  EXPECT_EQ(result.failed(), 0u) << report.str();
}

namespace {

// ifm [1,2] -> ReLU -> ofm, an isolated uint8 case fed with the range [0, 2.55]
// (so both tensors get scale 2.55 / 255 = 0.01 and zero point 0).
void write_relu_case(const TempDir &dir) {
  dir.write("suite.tsv", std::string(kHeader) + "Relu\tlayer\tuint8\t-\tquantization\t-\n");
  dir.write("recipes/Relu/test.recipe",
            "operand { name: \"ifm\" type: FLOAT32 shape { dim: 1 dim: 2 } }\n"
            "operand { name: \"ofm\" type: FLOAT32 shape { dim: 1 dim: 2 } }\n"
            "operation { type: \"ReLU\" input: \"ifm\" output: \"ofm\" }\n"
            "input: \"ifm\"\n"
            "output: \"ofm\"\n");
  const std::string goldens = "expected_outputs/Relu/layer/uint8/";
  dir.write(goldens + "record_minmax/ifm.json", "{\"min\": 0.0, \"max\": 2.55}\n");
  dir.write(goldens + "quantization/ifm.json", "{\"scale\": 0.01, \"zero_point\": 0.0}\n");
  dir.write(goldens + "quantization/ofm.json", "{\"scale\": 0.02, \"zero_point\": 0.0}\n");
}

} // namespace

TEST(OneSuite, IsolatedQuantizationNeedsARangeForEveryActivation) {
  TempDir dir;
  write_relu_case(dir);
  SuiteResult result = run_one_suite(dir.path);
  ASSERT_EQ(result.cases.size(), 1u);
  EXPECT_EQ(result.cases[0].error_step, "record_minmax");
  EXPECT_NE(result.cases[0].error.find("no record_minmax golden for activation 'ofm'"),
            std::string::npos)
      << result.cases[0].error;
  EXPECT_EQ(result.failed(), 2u);
}

TEST(OneSuite, IsolatedQuantizationUsesFedRanges) {
  TempDir dir;
  write_relu_case(dir);
  dir.write("expected_outputs/Relu/layer/uint8/record_minmax/ofm.json",
            "{\"min\": 0.0, \"max\": 2.55}\n");
  SuiteResult result = run_one_suite(dir.path);
  ASSERT_EQ(result.cases.size(), 1u);
  EXPECT_EQ(result.cases[0].error, "");
  std::ostringstream report;
  print_report(result, report);
  // ifm passes; the ofm golden claims scale 0.02 but the fed range gives 0.01.
  EXPECT_EQ(result.passed(), 1u) << report.str();
  EXPECT_EQ(result.failed(), 1u) << report.str();
  EXPECT_NE(report.str().find("FAIL Relu/layer/uint8 quantization ofm scale[0] expected 0.02 got 0.0099"),
            std::string::npos)
      << report.str();
  EXPECT_NE(report.str().find("\n1 passed, 1 failed\n"), std::string::npos);
  auto json = report_json(result);
  EXPECT_EQ(json["cases"][0]["checks"][1]["mismatches"][0]["key"], "scale");
}

namespace {

Mismatch value_mismatch(std::string key, int64_t index, double expected, double got) {
  Mismatch mismatch;
  mismatch.key = std::move(key);
  mismatch.index = index;
  mismatch.expected = expected;
  mismatch.got = got;
  mismatch.diff = std::fabs(got - expected);
  return mismatch;
}

// The Relu case's model with uint8 tensors of scale 0.01 and zero point 0.
ir::Model quantized_relu(const TempDir &dir) {
  ir::Model model = recipe::build_model(recipe::load_recipe(dir.path / "recipes/Relu/test.recipe"));
  for (ir::Tensor &tensor : model.tensors) {
    tensor.dtype = ir::DType::UInt8;
    tensor.quant.emplace();
    tensor.quant->scale = {0.01f};
    tensor.quant->zero_point = {0};
  }
  return model;
}

} // namespace

TEST(OneSuite, ReportCapsFailLinesPerKeyButJsonListsEveryValue) {
  SuiteResult result;
  CaseResult c;
  c.name = "C/layer/uint8";
  GoldenCheck check{Step::Quantization, "ker", "", {}, ""};
  for (int i = 0; i < 15; ++i)
    check.mismatches.push_back(value_mismatch("weights", i, 1, 9));
  check.mismatches.push_back(value_mismatch("scale", 0, 0.5, 0.25));
  c.checks.push_back(check);
  result.cases.push_back(c);
  std::ostringstream report;
  print_report(result, report);
  std::string text = report.str();
  EXPECT_NE(text.find("FAIL C/layer/uint8 quantization ker weights[9] expected 1 got 9"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("weights[10]"), std::string::npos) << text;
  EXPECT_NE(text.find("FAIL C/layer/uint8 quantization ker weights: 5 more mismatches (--json "
                      "and --junit list them all)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("ker scale[0] expected 0.5 got 0.25"), std::string::npos) << text;
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 13) << text; // 10 + 1 + 1 + totals
  EXPECT_EQ(report_json(result)["cases"][0]["checks"][0]["mismatches"].size(), 16u);
}

TEST(OneSuite, SkippedGoldensNeitherPassNorFail) {
  SuiteResult result;
  CaseResult c;
  c.name = "C/channel/int8";
  c.checks.push_back({Step::WoQuantization, "ker", "", {}, "a.yaml has no command for this step"});
  c.checks.push_back({Step::WoQuantization, "bias", "", {}, "a.yaml has no command for this step"});
  c.checks.push_back({Step::Quantization, "ofm", "", {}, ""});
  result.cases.push_back(c);
  EXPECT_EQ(result.passed(), 1u);
  EXPECT_EQ(result.failed(), 0u);
  EXPECT_EQ(result.skipped(), 2u);
  std::ostringstream report;
  print_report(result, report);
  EXPECT_EQ(report.str(), "SKIP wo_quantization: a.yaml has no command for this step (2 golden(s) "
                          "of 1 case(s) not checked)\n1 passed, 0 failed, 2 skipped\n");
  auto json = report_json(result);
  EXPECT_EQ(json["skipped"], 2);
  EXPECT_EQ(json["cases"][0]["skipped"], 2);
  EXPECT_EQ(json["cases"][0]["checks"][0]["skipped"], "a.yaml has no command for this step");
  EXPECT_EQ(json["cases"][0]["checks"][0]["passed"], false);
}

TEST(OneSuite, RangeMismatchesAreMeasuredWithTheQuantizationGoldensScale) {
  TempDir dir;
  dir.write("quantization/ofm.json", "{\"scale\": 0.01, \"zero_point\": 0.0}\n");
  std::vector<GoldenCheck> checks = {
      {Step::RecordMinMax, "ofm", "", {value_mismatch("max", 0, 2.55, 2.6)}, ""},
      {Step::RecordMinMax, "ifm", "", {value_mismatch("min", 0, 0, 0.5)}, ""}};
  measure_ranges_in_steps(checks, dir.path / "quantization");
  ASSERT_TRUE(checks[0].mismatches[0].diff_steps);
  EXPECT_NEAR(*checks[0].mismatches[0].diff_steps, 5, 1e-9);
  EXPECT_EQ(checks[0].mismatches[0].describe().find("max[0] expected 2.55 got 2.6 (diff "), 0u);
  EXPECT_NE(checks[0].mismatches[0].describe().find(", 5 steps)"), std::string::npos);
  EXPECT_FALSE(checks[1].mismatches[0].diff_steps); // no quantization golden: no scale known
}

TEST(OneSuite, ModelAgainstAOneCase) {
  TempDir dir;
  write_relu_case(dir);
  ir::Model model = quantized_relu(dir);
  CaseResult result =
      check_model_against_one_case(dir.path, "Relu/layer/uint8", model, Tolerances{});
  EXPECT_EQ(result.error, "");
  ASSERT_EQ(result.checks.size(), 2u);
  EXPECT_TRUE(result.checks[0].passed()); // ifm: scale 0.01
  EXPECT_FALSE(result.checks[1].passed()); // ofm: the golden says 0.02
  EXPECT_THROW(check_model_against_one_case(dir.path, "Relu/channel/uint8", model, Tolerances{}),
               InputError);
}

TEST(OneSuite, ModelWithoutQuantizedTensorsIsOneCaseError) {
  TempDir dir;
  write_relu_case(dir);
  ir::Model model = recipe::build_model(recipe::load_recipe(dir.path / "recipes/Relu/test.recipe"));
  CaseResult result =
      check_model_against_one_case(dir.path, "Relu/layer/uint8", model, Tolerances{});
  EXPECT_TRUE(result.checks.empty());
  EXPECT_EQ(result.error, "model has no quantized tensors: expected the output of the "
                          "quantization step");
  EXPECT_EQ(result.error_step, "quantization");
  EXPECT_EQ(result.unchecked, 2u);
  EXPECT_EQ(result.failed(), 2u);
}
