#include "harness/suite/report.h"

#include "harness/util/test_util.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace qgold::harness {
using test_util::value_mismatch;

TEST(Report, CapsFailLinesPerKeyButJsonListsEveryValue) {
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

TEST(Report, SkippedGoldensNeitherPassNorFail) {
  SuiteResult result;
  result.dir = "/s";
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
                          "of 1 case(s) not checked)\n1 passed, 0 failed, 2 skipped (suite /s)\n");
  auto json = report_json(result);
  EXPECT_EQ(json["skipped"], 2);
  EXPECT_EQ(json["cases"][0]["skipped"], 2);
  EXPECT_EQ(json["cases"][0]["checks"][0]["skipped"], "a.yaml has no command for this step");
  EXPECT_EQ(json["cases"][0]["checks"][0]["passed"], false);
}

} // namespace qgold::harness
