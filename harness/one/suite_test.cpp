#include "harness/one/plan.h"
#include "harness/one/suite_tsv.h"

#include "harness/backend/engine_backend.h"
#include "harness/suite/report.h"
#include "harness/util/test_util.h"
#include "recipe/recipe.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace qgold::harness {
namespace {

namespace fs = std::filesystem;
using test_util::input_error;
using test_util::TempDir;
using ::testing::HasSubstr;

const fs::path kSuite = QGOLD_SHARED_DIR "/conformance/one-pota";

const char *kHeader = "recipe\tgranularity\tdtype\tsteps_chained\tsteps_isolated\tnote\n";

SuiteResult run_one_suite(const fs::path &dir,
                          const Tolerances &tolerances = Tolerances::one_allclose()) {
  return verify_cases(dir, plan_one_cases(dir, {}), tolerances, 1,
                      [] { return std::make_unique<EngineBackend>(); });
}

} // namespace

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
  auto table_error = [&](const std::string &rows) {
    dir.write("suite.tsv", std::string(kHeader) + rows);
    try {
      read_suite_tsv(dir.path / "suite.tsv");
    } catch (const SuiteError &error) {
      return std::string(error.what());
    }
    ADD_FAILURE() << "expected a SuiteError for " << rows;
    return std::string();
  };
  EXPECT_THAT(table_error("Conv2D_004\tchannel\tuint8\tcalibrate\t-\t-\n"),
              HasSubstr("suite.tsv:2: unknown step 'calibrate'"));
  EXPECT_THAT(table_error("../x\tchannel\tuint8\t-\t-\t-\n"), HasSubstr("bad recipe name '../x'"));
  EXPECT_THAT(table_error("C\tlayers\tuint8\tquantization\t-\t-\n"),
              HasSubstr("suite.tsv:2: unknown granularity 'layers' (expected layer or channel)"));
  EXPECT_THAT(table_error("C\tlayer\tuint7\tquantization\t-\t-\n"),
              HasSubstr("suite.tsv:2: unknown dtype 'uint7'"));
  EXPECT_THAT(table_error("C\tlayer\tuint8\t-\trecord_minmax\t-\n"),
              HasSubstr("suite.tsv:2: record_minmax cannot be isolated"));
  dir.write("suite.tsv", "name\tgran\n");
  EXPECT_THROW(read_suite_tsv(dir.path / "suite.tsv"), SuiteError);
}

TEST(OneSuite, BadRecipeIsAFailureLineNotACrash) {
  TempDir dir;
  dir.write("suite.tsv",
            std::string(kHeader) + "Broken\tchannel\tuint8\tfake_quantization\t-\t-\n");
  dir.write("recipes/Broken/test.recipe", "operand { name: \"x\" type: NOSUCHTYPE }\n");
  dir.write("expected_outputs/Broken/channel/uint8/fake_quantization/ker.json",
            "{\"weights\": [1]}\n");
  dir.write("expected_outputs/Broken/channel/uint8/fake_quantization/bias.json",
            "{\"weights\": [1]}\n");
  SuiteResult result = run_one_suite(dir.path);
  ASSERT_EQ(result.cases.size(), 1u);
  EXPECT_FALSE(result.cases[0].error.empty());
  EXPECT_EQ(result.cases[0].error_step, "recipe");
  EXPECT_EQ(result.passed(), 0u);
  EXPECT_EQ(result.failed(), 2u); // both goldens left unchecked
  std::ostringstream report;
  print_report(result, report);
  EXPECT_NE(report.str().find("FAIL Broken/channel/uint8 recipe: "), std::string::npos)
      << report.str();
  EXPECT_NE(report.str().find("\n0 passed, 2 failed (suite " + dir.path.string() + ")\n"),
            std::string::npos)
      << report.str();
  EXPECT_EQ(report_json(result)["failed"], 2);
}

// A broken suite is no failure of the backend: the row's missing file is a
// SuiteError (exit 2) before any case runs.
TEST(OneSuite, MissingFilesOfARowAreSuiteErrors) {
  TempDir dir;
  auto suite_error = [&] {
    try {
      plan_one_cases(dir.path, {});
    } catch (const SuiteError &error) {
      return std::string(error.what());
    }
    ADD_FAILURE() << "expected a SuiteError";
    return std::string();
  };
  dir.write("suite.tsv", std::string(kHeader) + "M_config\tlayer\tuint8\trecord_minmax\t-\t-\n");
  EXPECT_THAT(suite_error(),
              HasSubstr("suite.tsv:2: case M_config/layer/uint8: recipe " +
                        (dir.path / "recipes/M/test.recipe").string() + " does not exist"));
  dir.write("recipes/M/test.recipe", "");
  EXPECT_THAT(
      suite_error(),
      HasSubstr("qconf file " + (dir.path / "config_files/M/layer/uint8/qconf.json").string()));
  dir.write("config_files/M/layer/uint8/qconf.json", "{\"layers\": []}");
  EXPECT_THAT(
      suite_error(),
      HasSubstr("record_minmax golden folder " +
                (dir.path / "expected_outputs/M_config/layer/uint8/record_minmax").string() +
                " does not exist"));
  dir.write("expected_outputs/M_config/layer/uint8/record_minmax/ifm.json",
            "{\"min\": 0, \"max\": }");
  EXPECT_THAT(suite_error(), HasSubstr("test inputs folder"));
  dir.write("test_inputs/M_config/layer/uint8/0.txt", "1\n");
  EXPECT_THAT(suite_error(), HasSubstr("record_minmax/ifm.json: not valid JSON"));
}

// The whole visible ONE suite must reproduce: recipe -> fake-quant ->
// record-minmax -> quantize, with ONE's allclose.
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
  EXPECT_NE(
      report.str().find("FAIL Relu/layer/uint8 quantization ofm scale[0] expected 0.02 got 0.0099"),
      std::string::npos)
      << report.str();
  EXPECT_NE(report.str().find("\n1 passed, 1 failed (suite " + dir.path.string() + ")\n"),
            std::string::npos);
  auto json = report_json(result);
  EXPECT_EQ(json["cases"][0]["checks"][1]["mismatches"][0]["key"], "scale");
}

TEST(OneSuite, ModelAgainstAOneCase) {
  TempDir dir;
  write_relu_case(dir);
  ir::Model model = quantized_relu(dir);
  CaseResult result = check_model(plan_one_model_case(dir.path, "Relu/layer/uint8"), model,
                                  Tolerances::one_allclose());
  EXPECT_EQ(result.error, "");
  ASSERT_EQ(result.checks.size(), 2u);
  EXPECT_TRUE(result.checks[0].passed());  // ifm: scale 0.01
  EXPECT_FALSE(result.checks[1].passed()); // ofm: the golden says 0.02
  EXPECT_THAT(input_error([&] { plan_one_model_case(dir.path, "Relu/channel/uint8"); }),
              HasSubstr("--case 'Relu/channel/uint8': no such case in"));
}

TEST(OneSuite, ModelWithoutQuantizedTensorsIsOneCaseError) {
  TempDir dir;
  write_relu_case(dir);
  ir::Model model = recipe::build_model(recipe::load_recipe(dir.path / "recipes/Relu/test.recipe"));
  CaseResult result = check_model(plan_one_model_case(dir.path, "Relu/layer/uint8"), model,
                                  Tolerances::one_allclose());
  EXPECT_TRUE(result.checks.empty());
  EXPECT_EQ(result.error, "model has no quantized tensors: expected the output of the "
                          "quantization step");
  EXPECT_EQ(result.error_step, "quantization");
  EXPECT_EQ(result.unchecked, 2u);
  EXPECT_EQ(result.failed(), 2u);
}

} // namespace qgold::harness
