#include "harness/report/calibration_report.h"
#include "harness/report/range_strips.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <regex>

namespace qgold::harness::report {
namespace {

size_t count(const std::string &text, const std::string &what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

TEST(RangeStrips, OnePointPerValueOutsidersMarkedEveryCoordinateFinite) {
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<RangeStrip> strips = {
      {"<a>", -1, 2, {-3, -1, -0.5}, {1, 2, 4}, false},
      {std::string(60, 'x') + "tail", 0, 0, {0, 0}, {0, inf}, false}, // a constant tensor, one Inf
  };
  const std::string svg = svg_range_strips("ranges", strips);
  EXPECT_NE(svg.find("data-points=\"10\""), std::string::npos);
  EXPECT_EQ(count(svg, "<circle class=\"point"), 10u);
  // -3 below -1, 4 above 2, inf above 0.
  EXPECT_EQ(count(svg, "class=\"point outside\""), 3u);
  EXPECT_EQ(count(svg, "<g class=\"strip\""), 2u);
  EXPECT_EQ(count(svg, "<rect class=\"recorded\""), 2u);
  EXPECT_EQ(svg.find("<a>"), std::string::npos);
  EXPECT_NE(svg.find("data-tensor=\"&lt;a&gt;\""), std::string::npos);
  // A long name is cut to its end in the row, whole in its tooltip.
  EXPECT_NE(svg.find("<title>" + std::string(60, 'x') + "tail</title>"), std::string::npos);
  EXPECT_NE(svg.find("\xE2\x80\xA6" + std::string(29, 'x') + "tail</text>"), std::string::npos);
  // The points of the first row span its strip: -3 at its left end, 4 at its right end.
  EXPECT_NE(svg.find("cx=\"330.0\""), std::string::npos);
  EXPECT_NE(svg.find("cx=\"890.0\""), std::string::npos);
  const std::regex coordinate("(cx|x|width)=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), coordinate); it != std::sregex_iterator(); ++it)
    EXPECT_TRUE(std::isfinite(std::stod((*it)[2].str()))) << (*it)[0];
}

// Tensors 0 "in<1>" and 1 "out", 100 records: record r has min -r/10 and max r/10
// on the input, and the output is its ReLU.
struct Calibrated {
  ir::Model model;
  quant::RecordedRanges ranges;
};
Calibrated hundred_records() {
  Calibrated c;
  for (const char *name : {"in<1>", "out"}) {
    ir::Tensor tensor;
    tensor.name = name;
    tensor.shape = {1, 8};
    c.model.tensors.push_back(tensor);
  }
  c.ranges.tensors = {0, 1};
  for (int r = 0; r < 100; ++r)
    c.ranges.records.push_back({{-r / 10.0f, r / 10.0f}, {0.0f, r / 10.0f}});
  return c;
}

TEST(CalibrationHtml, ManyRecordsAreSummarizedAndClippedRecordsCounted) {
  const Calibrated c = hundred_records();
  const quant::CalibrationStats stats = quant::calibration_stats(c.ranges, {});
  const std::string page = calibration_html(c.model, stats, {"m.circle", "d.h5", "out.circle", {}, 0}, {});
  // 21 order statistics per side per tensor, not 100.
  EXPECT_NE(page.find("data-points=\"84\""), std::string::npos);
  EXPECT_EQ(count(page, "<circle class=\"point"), 84u);
  EXPECT_NE(page.find("per-record min, p5: -9.4"), std::string::npos);
  // Graph order, names escaped.
  EXPECT_EQ(page.find("in<1>"), std::string::npos);
  const size_t in_row = page.find("<tr data-status=\"outside\" data-tensor=\"in&lt;1&gt;\">");
  const size_t out_row = page.find("data-tensor=\"out\"><td class=\"num\">1</td>");
  ASSERT_NE(in_row, std::string::npos);
  ASSERT_NE(out_row, std::string::npos);
  EXPECT_LT(in_row, out_row);
  // Percentile 1-99 of 100 evenly spread records leaves out the extreme on each side of the
  // input, both of record 99 (counted once); the output's minima are all 0, so only its
  // maximum of record 99 is outside.
  EXPECT_EQ(stats.tensors[0].below, 1u);
  EXPECT_EQ(stats.tensors[0].above, 1u);
  EXPECT_EQ(stats.tensors[0].outside, 1u);
  EXPECT_EQ(stats.tensors[1].below, 0u);
  EXPECT_EQ(stats.tensors[1].outside, 1u);
  EXPECT_NE(page.find("<td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num status-failed\">1</td>"
                      "<td class=\"num\" data-sort=\"0.01\">1%</td>"),
            std::string::npos)
      << page.substr(in_row, 900);
  EXPECT_NE(page.find("percentile 1-99"), std::string::npos);
  EXPECT_NE(page.find("<b>2</b>tensors with records outside"), std::string::npos);
  EXPECT_NE(page.find("<b>1%</b>most records outside (in&lt;1&gt;)"), std::string::npos);
}

TEST(CalibrationHtml, FewRecordsArePlottedOneByOne) {
  Calibrated c = hundred_records();
  c.ranges.records.resize(5);
  quant::RecordMinMaxOptions options;
  options.mode = quant::RecordMinMaxOptions::Mode::MinMax;
  const quant::CalibrationStats stats = quant::calibration_stats(c.ranges, options);
  const std::string page = calibration_html(c.model, stats, {"m.circle", "d.h5", "out.circle", options, 0}, {});
  EXPECT_EQ(count(page, "<circle class=\"point"), 20u);
  EXPECT_EQ(count(page, "class=\"point outside\""), 0u);
  EXPECT_EQ(page.find("per-record min, p"), std::string::npos); // every record, no percentiles
  EXPECT_NE(page.find(">minmax<"), std::string::npos);
  EXPECT_NE(page.find("<b>0</b>tensors with records outside"), std::string::npos);
  EXPECT_NE(page.find("<b>0%</b>most records outside (no tensor)"), std::string::npos);
}

TEST(CalibrationHtml, DescribesEveryReduction) {
  quant::RecordMinMaxOptions options;
  options.min_percentile = 0.5f;
  EXPECT_EQ(describe_reduction(options), "percentile 0.5-99");
  options.mode = quant::RecordMinMaxOptions::Mode::MovingAverage;
  EXPECT_EQ(describe_reduction(options), "moving_average batch 16, constant 0.1");
}

} // namespace
} // namespace qgold::harness::report
