#include "harness/suite/junit.h"

#include "harness/util/test_util.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace qgold::harness {
namespace {

using test_util::value_mismatch;
using ::testing::HasSubstr;

CaseResult case_result(std::string name, std::vector<GoldenCheck> checks) {
  CaseResult c;
  c.name = std::move(name);
  c.checks = std::move(checks);
  return c;
}

TEST(Junit, OneSuitePerCaseAndEscapedFailures) {
  SuiteResult result{
      "suite",
      {case_result("A<1>/layer/uint8",
                   {{Step::Quantization, "ker", "", {}, ""},
                    {Step::Quantization, "ofm&", "", {value_mismatch("weights", 2, 3, 5)}, ""}})},
      {}};
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
  CaseResult broken = case_result("A/layer/uint8", {{Step::FakeQuantization, "ker", "", {}, ""}});
  broken.error = "a.yaml: step quantization command 1 `false` exited with status 1";
  broken.error_step = "quantization";
  broken.unchecked = 7;
  Mismatch missing;
  missing.key = "zero_point";
  missing.problem = "the tensor has no zero_point";
  CaseResult mixed = case_result("B/channel/int8",
                                 {{Step::Quantization, "ofm", "", {missing}, ""},
                                  {Step::WoQuantization, "ker", "", {}, "a.yaml has no command"}});
  std::string xml = junit_xml(SuiteResult{"suite", {broken, mixed}, {}});
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
