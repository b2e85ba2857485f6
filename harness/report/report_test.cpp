#include "harness/report/error_report.h"
#include "harness/report/html.h"
#include "harness/report/regen_report.h"
#include "harness/report/svg.h"
#include "harness/report/trend.h"
#include "harness/report/verify_report.h"
#include "harness/suite/case_label.h"

#include "harness/util/test_util.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
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

// Three tensors in graph order: an input with a small error, a perfect middle one (no error),
// and a per-channel output with a larger error; a Quantize output skipped.
quant::ErrorReport three_tensor_report() {
  quant::ErrorReport report;
  report.records = 2;
  auto stats = [](double sqnr, std::optional<double> steps) {
    quant::ErrorStats s;
    s.elements = 8;
    s.sqnr_db = sqnr;
    s.mse = 0.01;
    s.max_abs_error = 0.5;
    s.max_steps = steps;
    s.cosine = 0.99;
    return s;
  };
  report.tensors = {
      {"in<put>", ir::DType::UInt8, {1, 4}, 1, false, stats(30.5, 1.0)},
      {"mid", ir::DType::Float32, {1, 4}, 0, false, stats(INFINITY, std::nullopt)},
      {"out", ir::DType::Int16, {1, 4}, 4, true, stats(12.25, 3.0)},
  };
  report.skipped = {{"in<put>_Quantize", "only in q.circle (the output of Quantize)"}};
  return report;
}

TEST(ReportErrorReport, WorstFirstByLowestSqnrThenMostSteps) {
  quant::ErrorReport report = three_tensor_report();
  EXPECT_EQ(worst_first(report), (std::vector<size_t>{2, 0, 1}));
  report.tensors[0].stats.sqnr_db = 12.25; // a tie: the larger max steps first
  EXPECT_EQ(worst_first(report), (std::vector<size_t>{2, 0, 1}));
  report.tensors[0].stats.max_steps = 4.0;
  EXPECT_EQ(worst_first(report), (std::vector<size_t>{0, 2, 1}));
}

TEST(ReportErrorReport, TextListsTheWorstAndTheSkipped) {
  const quant::ErrorReportSources files{"f.circle", "q.circle", "d.h5"};
  const std::string text = error_report_text(three_tensor_report(), files, 2);
  EXPECT_NE(text.find("error report: q.circle vs f.circle on 2 record(s) of d.h5: 3 tensor(s) "
                      "compared, 1 skipped\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("output out: SQNR 12.25 dB, max 3.00 steps\n"), std::string::npos) << text;
  EXPECT_NE(text.find("the 2 worst of 3 tensors"), std::string::npos) << text;
  EXPECT_LT(text.find("out      int16"), text.find("in<put>  uint8")) << text;
  EXPECT_EQ(text.find("mid"), std::string::npos) << text; // the third is not listed
  EXPECT_NE(text.find("skipped in<put>_Quantize: only in q.circle (the output of Quantize)\n"),
            std::string::npos)
      << text;
  // All of them: the perfect one last, "inf" dB and no steps.
  const std::string all = error_report_text(three_tensor_report(), files, 0);
  EXPECT_NE(all.find("tensors, worst first:\n"), std::string::npos) << all;
  EXPECT_NE(all.find("mid      float32        inf"), std::string::npos) << all;
}

TEST(ReportErrorReport, JsonInGraphOrderWithInfinitiesAsStrings) {
  const nlohmann::json json = nlohmann::json::parse(
      error_report_json(three_tensor_report(), {"f.circle", "q.circle", "d.h5"}));
  EXPECT_EQ(json["records"], 2);
  ASSERT_EQ(json["tensors"].size(), 3u);
  EXPECT_EQ(json["tensors"][0]["name"], "in<put>");
  EXPECT_EQ(json["tensors"][0]["dtype"], "uint8");
  EXPECT_EQ(json["tensors"][0]["sqnr_db"], 30.5);
  EXPECT_EQ(json["tensors"][1]["sqnr_db"], "inf");
  EXPECT_TRUE(json["tensors"][1]["max_steps"].is_null());
  EXPECT_EQ(json["tensors"][2]["scales"], 4);
  EXPECT_EQ(json["tensors"][2]["graph_output"], true);
  EXPECT_EQ(json["skipped"][0]["reason"], "only in q.circle (the output of Quantize)");
}

TEST(ReportErrorReport, HtmlPlotsEveryTensorAndHighlightsTheWorst) {
  ReportContext context;
  const std::string html =
      error_report_html(three_tensor_report(), {"f.circle", "q.circle", "d.h5"}, context);
  EXPECT_EQ(count(html, "<svg class=\"plot\" data-plot=\"bars\" data-points=\"3\""), 2u);
  EXPECT_EQ(count(html, "<rect class=\"bar\""), 6u);
  // Of three tensors one is highlighted: the worst.
  EXPECT_EQ(count(html, "data-status=\"worst\""), 1u);
  EXPECT_NE(html.find("<tr data-status=\"worst\" data-tensor=\"out\""), std::string::npos);
  EXPECT_NE(html.find("<tr data-status=\"other\" data-tensor=\"mid\""), std::string::npos);
  EXPECT_EQ(highlighted_tensors(4), 1u);
  EXPECT_EQ(highlighted_tensors(12), 3u);
  EXPECT_EQ(highlighted_tensors(100), kHighlightedTensors);
  EXPECT_NE(html.find("in&lt;put&gt;"), std::string::npos);
  EXPECT_EQ(html.find("in<put>"), std::string::npos); // every name escaped
  EXPECT_NE(html.find("<b>12.25 dB</b>lowest SQNR (out)"), std::string::npos);
  EXPECT_NE(html.find("id=\"skipped\""), std::string::npos);
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
