#include "harness/adapter.h"
#include "harness/junit.h"
#include "harness/tolerances.h"

#include "ir/error.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace qgold::harness {
namespace {

using ::testing::HasSubstr;

template <typename Body> std::string input_error(Body body) {
  try {
    body();
  } catch (const InputError &error) {
    return error.what();
  }
  ADD_FAILURE() << "expected an InputError";
  return "";
}

TEST(Adapter, ExpandsPlaceholdersAndDropsOptionalGroups) {
  Adapter adapter = parse_adapter(R"(steps:
  quantization:
    - [tool, "{input_model}", "--out={output_model}", [--config, "{config}"], "{{x}}"]
)",
                                  "a.yaml");
  ASSERT_EQ(adapter.steps.at(Step::Quantization).size(), 1u);
  const AdapterCommand &command = adapter.steps.at(Step::Quantization)[0];
  std::map<std::string, std::string> values = {{"input_model", "in 1.circle"},
                                               {"output_model", "o.circle"}};
  EXPECT_EQ(expand_command(command, values, "here"),
            (std::vector<std::string>{"tool", "in 1.circle", "--out=o.circle", "{x}"}));
  values["config"] = "q.json";
  EXPECT_EQ(expand_command(command, values, "here"),
            (std::vector<std::string>{"tool", "in 1.circle", "--out=o.circle", "--config",
                                      "q.json", "{x}"}));
  values.erase("input_model");
  EXPECT_THAT(input_error([&] { expand_command(command, values, "here"); }),
              HasSubstr("here: placeholder {input_model} has no value here"));
}

TEST(Adapter, RejectsMalformedFiles) {
  EXPECT_THAT(input_error([] { parse_adapter("steps:\n  quantize:\n    - [x]\n", "a.yaml"); }),
              HasSubstr("a.yaml:2:3: unknown step 'quantize'"));
  EXPECT_THAT(input_error([] {
                parse_adapter("steps:\n  quantization:\n    - [x, \"{model}\"]\n", "a.yaml");
              }),
              HasSubstr("a.yaml:3:11: unknown placeholder {model}"));
  EXPECT_THAT(input_error([] {
                parse_adapter("steps:\n  quantization:\n    - [x, \"{dtype\"]\n", "a.yaml");
              }),
              HasSubstr("unclosed '{'"));
  EXPECT_THAT(input_error([] { parse_adapter("format: onnx\nsteps: {}\n", "a.yaml"); }),
              HasSubstr("a.yaml:1:9: unknown format 'onnx'"));
  EXPECT_THAT(input_error([] { parse_adapter("steps:\n  quantization: []\n", "a.yaml"); }),
              HasSubstr("expected a list of commands for step 'quantization'"));
}

TEST(Tolerances, OverridesAndDefaults) {
  Tolerances tolerances = parse_tolerances("float_atol: 1e-3\nzero_point_atol: 0\n", "t.yaml");
  EXPECT_EQ(tolerances.float_atol, 1e-3);
  EXPECT_EQ(tolerances.zero_point_atol, 0);
  EXPECT_EQ(tolerances.float_rtol, 1e-5); // ONE's default kept
  EXPECT_EQ(tolerances.quantized_int64_atol, 5);
  EXPECT_FALSE(tolerances.exact);
  EXPECT_TRUE(parse_tolerances("exact: true\n", "t.yaml").exact);
  EXPECT_THAT(input_error([] { parse_tolerances("float_atol: -1\n", "t.yaml"); }),
              HasSubstr("t.yaml:1:13: expected a finite number >= 0 for 'float_atol', got '-1'"));
  EXPECT_THAT(input_error([] { parse_tolerances("atol: 1\n", "t.yaml"); }),
              HasSubstr("t.yaml:1:1: unknown key 'atol'"));
}

TEST(Junit, OneSuitePerCaseAndEscapedFailures) {
  SuiteResult result;
  result.dir = "suite";
  CaseResult c;
  c.name = "A<1>/layer/uint8";
  c.checks.push_back({Step::Quantization, "ker", "", {}, ""});
  Mismatch mismatch;
  mismatch.key = "weights";
  mismatch.index = 2;
  mismatch.expected = 3;
  mismatch.got = 5;
  mismatch.diff = 2;
  c.checks.push_back({Step::Quantization, "ofm&", "", {mismatch}, ""});
  result.cases.push_back(c);
  std::string xml = junit_xml(result);
  EXPECT_THAT(xml, HasSubstr("<testsuite name=\"A&lt;1&gt;/layer/uint8\" tests=\"2\" "
                             "failures=\"1\" errors=\"0\" skipped=\"0\""));
  EXPECT_THAT(xml, HasSubstr("<testcase classname=\"A&lt;1&gt;/layer/uint8\" "
                             "name=\"quantization/ker\"/>"));
  EXPECT_THAT(xml, HasSubstr("name=\"quantization/ofm&amp;\">"));
  EXPECT_THAT(xml, HasSubstr("<failure message=\"weights[2] expected 3 got 5 (diff 2)\">"));
}

// tests = testcases at both levels: a case error is one testcase with an
// <error>, however many goldens it left unchecked; a skipped golden is a
// testcase with <skipped>.
TEST(Junit, BothLevelsCountTestcasesAlike) {
  SuiteResult result;
  result.dir = "suite";
  CaseResult broken;
  broken.name = "A/layer/uint8";
  broken.checks.push_back({Step::FakeQuantization, "ker", "", {}, ""});
  broken.error = "a.yaml: step quantization command 1 `false` exited with status 1";
  broken.error_step = "quantization";
  broken.unchecked = 7;
  CaseResult mixed;
  mixed.name = "B/channel/int8";
  Mismatch mismatch;
  mismatch.key = "zero_point";
  mismatch.problem = "the tensor has no zero_point";
  mixed.checks.push_back({Step::Quantization, "ofm", "", {mismatch}, ""});
  mixed.checks.push_back({Step::WoQuantization, "ker", "", {}, "a.yaml has no command"});
  result.cases = {broken, mixed};
  std::string xml = junit_xml(result);
  EXPECT_THAT(xml, HasSubstr("<testsuites name=\"suite\" tests=\"4\" failures=\"1\" "
                             "errors=\"1\" skipped=\"1\">"));
  EXPECT_THAT(xml, HasSubstr("<testsuite name=\"A/layer/uint8\" tests=\"2\" failures=\"0\" "
                             "errors=\"1\" skipped=\"0\""));
  EXPECT_THAT(xml, HasSubstr("<testsuite name=\"B/channel/int8\" tests=\"2\" failures=\"1\" "
                             "errors=\"0\" skipped=\"1\""));
  EXPECT_THAT(xml, HasSubstr("name=\"quantization/(case)\">\n      <error message=\"a.yaml: step "
                             "quantization command 1 `false` exited with status 1\">7 golden(s) "
                             "not checked</error>"));
  EXPECT_THAT(xml, HasSubstr("name=\"wo_quantization/ker\">\n      <skipped message=\"a.yaml has "
                             "no command\"/>"));
}

} // namespace
} // namespace qgold::harness
