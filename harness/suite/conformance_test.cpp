#include "harness/suite/conformance.h"

#include "harness/suite/junit.h"
#include "harness/util/test_util.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace qgold::harness {
namespace {

using test_util::value_mismatch;
using ::testing::HasSubstr;

CaseResult case_result(std::string name, bool fails, std::string skipped = "") {
  CaseResult c;
  c.name = std::move(name);
  c.checks.push_back({Step::Quantization, "ofm", "", {}, skipped});
  if (fails)
    c.checks.push_back({Step::Inference, "ofm", "", {value_mismatch("codes", 0, 3, 4)}, ""});
  return c;
}

SuiteResult suite() {
  SuiteResult result;
  result.dir = "suite";
  result.cases = {case_result("Conv2D_000/channel/int8", false),
                  case_result("Conv2D_000/layer/uint8", false),
                  case_result("Conv2D_001/layer/uint8", true),
                  case_result("Conv2D_001_config/layer/uint8", false),
                  case_result("Add_000/channel/int16", false, "no command")};
  return result;
}

TEST(Conformance, GroupsByOperatorGranularityAndDtype) {
  const std::vector<ConformanceRow> rows = conformance_rows(suite());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].op, "Add");
  EXPECT_FALSE(rows[0].conforms()); // nothing checked
  EXPECT_EQ(rows[0].skipped, 1u);
  // layer/uint8 before channel/int8: the recipes' test order.
  EXPECT_EQ(rows[1].op + " " + rows[1].granularity + "/" + rows[1].dtype, "Conv2D layer/uint8");
  EXPECT_EQ(rows[1].cases, 3u); // _000, _001 and _001_config
  EXPECT_EQ(rows[1].failing_cases, 1u);
  EXPECT_EQ(rows[1].passed, 3u);
  EXPECT_EQ(rows[1].failed, 1u);
  EXPECT_FALSE(rows[1].conforms());
  EXPECT_EQ(rows[2].dtype, "int8");
  EXPECT_TRUE(rows[2].conforms());

  std::ostringstream text;
  print_conformance(rows, text);
  EXPECT_EQ(text.str(), "operator  layer/uint8  channel/int16  channel/int8\n"
                        "Add       -            skipped        -\n"
                        "Conv2D    FAIL 1/3     -              ok 1\n"
                        "0 of 2 operators conform in every configuration\n");
  const nlohmann::json json = conformance_json(rows);
  EXPECT_EQ(json[1]["operator"], "Conv2D");
  EXPECT_EQ(json[1]["failing_cases"], 1);
  EXPECT_EQ(json[2]["conforms"], true);
}

TEST(Conformance, JunitByOperatorHasASuitePerGroup) {
  const std::string xml = junit_xml(suite(), true);
  EXPECT_THAT(xml, HasSubstr("<testsuite name=\"Conv2D/layer/uint8\" tests=\"4\" failures=\"1\" "
                             "errors=\"0\" skipped=\"0\""));
  EXPECT_THAT(xml, HasSubstr("<testcase classname=\"Conv2D_001/layer/uint8\" "
                             "name=\"inference/ofm\">"));
  EXPECT_THAT(xml, HasSubstr("<testsuites name=\"suite\" tests=\"6\" failures=\"1\""));
  EXPECT_EQ(junit_xml(suite()).find("Conv2D/layer/uint8"), std::string::npos);
}

} // namespace
} // namespace qgold::harness
