#include "harness/suite/case_label.h"
#include "harness/report/html.h"
#include "harness/report/regen_report.h"
#include "harness/report/svg.h"
#include "harness/report/trend.h"
#include "harness/report/verify_report.h"

#include "harness/util/test_util.h"

#include <gtest/gtest.h>

#include <fstream>

namespace qgold::harness::report {
namespace {

using test_util::value_mismatch;

size_t count(const std::string &text, const std::string &what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

TEST(ReportHtml, EscapesEveryMarkupCharacterAndControlBytes) {
  EXPECT_EQ(html_escape("<script>a&b\"c'd</script>\x01"),
            "&lt;script&gt;a&amp;b&quot;c&#39;d&lt;/script&gt;?");
}

TEST(ReportCaseLabel, SplitsIdsIntoOperatorGranularityDtype) {
  CaseLabel label = case_label("Conv2D_001_config/channel/uint8");
  EXPECT_EQ(label.recipe, "Conv2D_001_config");
  EXPECT_EQ(label.op, "Conv2D");
  EXPECT_EQ(label.granularity, "channel");
  EXPECT_EQ(label.dtype, "uint8");
  EXPECT_EQ(case_label("Net_ResidualBlock_000/layer/int16").op, "Net_ResidualBlock");
  EXPECT_EQ(case_label("Add/layer/uint8").op, "Add");
  EXPECT_EQ(case_label("plain").recipe, "plain");
  EXPECT_EQ(case_label("plain").granularity, "");
}

TEST(ReportSvg, DrawsOneBarPerValueAndEscapesLabels) {
  BarChart chart{"<t>", "x",        "y", {{"<a>", 2, "#f00"}, {"b", 0, "#f00"}, {"c", 7.5, "#f00"}},
                 1.0,   "tolerance"};
  std::string svg = svg_bar_chart(chart);
  EXPECT_EQ(count(svg, "<rect class=\"bar\""), 3u);
  EXPECT_NE(svg.find("data-points=\"3\""), std::string::npos);
  EXPECT_NE(svg.find("&lt;a&gt;: 2"), std::string::npos);
  EXPECT_EQ(svg.find("<a>"), std::string::npos);
  EXPECT_NE(svg.find("class=\"limit\""), std::string::npos);
  // The tallest bar (7.5) fills most of the plot: the y axis ends at 10.
  EXPECT_NE(svg.find(">10</text>"), std::string::npos) << svg;
}

SuiteResult failing_suite() {
  SuiteResult result;
  result.dir = "/nonexistent-suite";
  CaseResult good;
  good.name = "Add_000/layer/uint8";
  good.checks.push_back({Step::Quantization, "ofm", "", {}, ""});
  CaseResult bad;
  bad.name = "Conv2D_000/channel/<b>int8";
  GoldenCheck check{Step::Quantization, "ker\"<img src=x onerror=alert(1)>", "", {}, ""};
  Mismatch zp = value_mismatch("zero_point", 3, 0, 4);
  zp.diff_steps = 4;
  check.mismatches.push_back(zp);
  Mismatch scale = value_mismatch("scale", 1, 0.5, 0.6);
  scale.codes_moved = 2.5;
  check.mismatches.push_back(scale);
  bad.checks.push_back(check);
  bad.checks.push_back({Step::WoQuantization, "bias", "", {}, "no command"});
  result.cases = {good, bad};
  return result;
}

TEST(ReportVerify, FailedCasesFirstEscapedNamesAndPerChannelPlot) {
  ReportContext context;
  context.suite_revision = "abc123";
  std::string html = verify_html(failing_suite(), context);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>int8"), std::string::npos);
  EXPECT_NE(html.find("ker&quot;&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  // The failing case comes before the passing one in the case table.
  size_t table = html.find("id=\"cases\"");
  size_t failed = html.find("data-case=\"Conv2D_000/channel/&lt;b&gt;int8\"", table);
  size_t passed = html.find("data-case=\"Add_000/layer/uint8\"", table);
  ASSERT_NE(failed, std::string::npos);
  ASSERT_NE(passed, std::string::npos);
  EXPECT_LT(failed, passed);
  // Four channels (scale/zero_point indices up to 3): channel 1 moved 2.5, channel 3 by 4.
  EXPECT_NE(html.find("data-points=\"4\""), std::string::npos);
  EXPECT_NE(html.find("<title>1: 2.5</title>"), std::string::npos);
  EXPECT_NE(html.find("<title>3: 4</title>"), std::string::npos);
  EXPECT_NE(html.find("<title>0: 0</title>"), std::string::npos);
  // Matrix: Add all green, Conv2D red; the summary names the revision.
  EXPECT_NE(html.find("<td class=\"pass\" title=\"Add layer/uint8"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"fail\" title=\"Conv2D channel/&lt;b&gt;int8"),
            std::string::npos);
  EXPECT_NE(html.find("abc123"), std::string::npos);
  EXPECT_EQ(html.find("http:"), std::string::npos);
  EXPECT_EQ(html.find("https:"), std::string::npos);
}

TEST(ReportVerify, PerChannelPlotFollowsTheGoldensWeightAxis) {
  test_util::TempDir dir;
  std::filesystem::create_directories(dir.path / "expected_outputs/C/channel/uint8/quantization");
  // Weights of shape [2, 3], per-channel along axis 1 (3 channels).
  std::ofstream(dir.path / "expected_outputs/C/channel/uint8/quantization/w.json")
      << R"({"weights": [[1, 2, 3], [4, 5, 6]], "scale": [0.1, 0.2, 0.3], "zero_point": [0, 0, 0]})";
  SuiteResult result;
  result.dir = dir.path;
  CaseResult c;
  c.name = "C/channel/uint8";
  GoldenCheck check{Step::Quantization, "w", "", {}, ""};
  Mismatch w = value_mismatch("weights", 5, 6, 9); // row 1, column 2: channel 2
  w.diff_steps = 3;
  check.mismatches.push_back(w);
  c.checks.push_back(check);
  result.cases.push_back(c);
  std::string html = verify_html(result, {});
  EXPECT_NE(html.find("data-points=\"3\""), std::string::npos);
  EXPECT_NE(html.find("<title>2: 3</title>"), std::string::npos);
  EXPECT_NE(html.find("<title>1: 0</title>"), std::string::npos);
}

TEST(ReportTrend, RecordsRunsAndKeepsTheLastOnes) {
  test_util::TempDir dir;
  std::ofstream(dir.path / "20000101T000000Z-1.json")
      << R"({"when": "old", "revision": "r0", "passed": 9, "failed": 1, "skipped": 0, "seconds": 3.5})";
  std::ofstream(dir.path / "20000102T000000Z-1.json")
      << R"({"when": "mid", "revision": "r1", "passed": 10, "failed": 0, "skipped": 0, "seconds": 4})";
  auto runs = record_run(dir.path, {"now", "r2", 11, 2, 1, 5}, 2);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].when, "mid");
  EXPECT_EQ(runs[1].when, "now");
  EXPECT_EQ(runs[1].failed, 2u);
  std::string section = trend_section(runs);
  EXPECT_EQ(count(section, "<circle class=\"point\""), 8u); // 2 runs x (3 counts + time)
  std::ofstream(dir.path / "20000103T000000Z-1.json") << R"({"when": "x"})";
  std::string message = test_util::input_error([&] {
    record_run(dir.path, {"later", "r3", 1, 0, 0, 1}, 5);
  });
  EXPECT_NE(message.find("20000103T000000Z-1.json: not a run summary"), std::string::npos)
      << message;
  // The broken summary stopped the run before it was added: still 4 files.
  auto files = std::distance(std::filesystem::directory_iterator(dir.path), {});
  EXPECT_EQ(files, 4);
}

TEST(ReportRegen, HistogramCountsEveryChangedValue) {
  RegenReport report;
  TensorChange change;
  change.kind = TensorChange::Kind::Changed;
  change.case_id = "C/layer/uint8";
  change.step = Step::Quantization;
  change.stem = "ofm";
  change.largest = ValueChange{"weights", 2, 10, 13, 3.0, true};
  change.values_changed = 5;
  change.value_steps = {0.005f, 1.0f, 1.0f, 3.0f}; // one value has no known step
  report.tensors.push_back(change);
  report.cases_changed.push_back("C/layer/uint8");
  std::vector<size_t> bins = change_histogram(report);
  // bins: <0.01, 0.01-0.1, 0.1-0.5, 0.5-1, 1-2, 2-5, 5-10, 10-100, >=100
  EXPECT_EQ(bins, (std::vector<size_t>{1, 0, 0, 0, 2, 1, 0, 0, 0}));
  std::string html = regen_html(report, {true, false}, {});
  EXPECT_NE(html.find("data-tensor=\"ofm\""), std::string::npos);
  EXPECT_NE(html.find("weights[2] 10 -&gt; 13 (3 steps)"), std::string::npos);
  EXPECT_NE(html.find("would change"), std::string::npos);
  EXPECT_NE(html.find("data-points=\"9\""), std::string::npos);
  EXPECT_NE(html.find("4 of them measured"), std::string::npos);
}

} // namespace
} // namespace qgold::harness::report
