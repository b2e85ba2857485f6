#include "harness/suite/merge.h"

#include "harness/suite/report.h"
#include "harness/suite/report_read.h"
#include "harness/util/test_util.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cmath>
#include <limits>

namespace qgold::harness {
using test_util::input_error;
using test_util::TempDir;
using test_util::value_mismatch;

namespace {

// A run with every kind of result: passes, value and whole-key mismatches
// with the optional measures, a NaN, a check error, a skip, a case error.
SuiteResult sample_run(size_t cases) {
  SuiteResult run;
  run.dir = "/suites/bundled";
  run.tolerances.step_atol = 0.05;
  for (size_t i = 0; i < cases; ++i) {
    CaseResult c;
    c.name = fmt::format("Op_{:03}/{}/uint8", i, i % 2 ? "layer" : "channel");
    c.seconds = 0.125 * static_cast<double>(i);
    c.checks.push_back({Step::FakeQuantization, "ker", "", {}, ""});
    if (i % 3 == 1) {
      Mismatch m = value_mismatch("scale", 0, 0.1, 0.1000003);
      m.codes_moved = 0.4;
      m.diff_steps = 1.0 / 3.0;
      Mismatch nan = value_mismatch("weights", 2, 1.5, std::numeric_limits<double>::quiet_NaN());
      nan.scale_allowance = 0.25;
      Mismatch whole;
      whole.key = "zero_point";
      whole.problem = "expected 2 values, got 1";
      c.checks.push_back({Step::Quantization, "ofm", "", {m, nan, whole}, ""});
      c.checks.push_back({Step::RecordMinMax, "ifm", "no tensor named 'ifm'", {}, ""});
    }
    if (i % 4 == 2)
      c.checks.push_back({Step::WoQuantization, "ker", "", {}, "a.yaml has no command"});
    if (i % 5 == 3) {
      c.error = "engine error";
      c.error_step = "record_minmax";
      c.unchecked = 3;
    }
    run.cases.push_back(c);
  }
  return run;
}

ShardInfo info_of(const SuiteResult &run, data::Shard shard) {
  ShardInfo info{shard, {}, "qgold"};
  for (const CaseResult &c : run.cases)
    info.cases.push_back(c.name);
  return info;
}

// The JSON report verify --shard writes for shard `shard` of `run`.
nlohmann::json shard_report(const SuiteResult &run, data::Shard shard) {
  SuiteResult part = run;
  part.cases = shard_items(run.cases, shard, [](const CaseResult &c) { return c.name; });
  nlohmann::json report = report_json(part);
  report["shard"] = shard_json(info_of(run, shard));
  return report;
}

std::string write(const TempDir &dir, const std::string &name, const std::string &text) {
  dir.write(name, text);
  return (dir.path / name).string();
}

// The parts of `run` in `count` shards, written and read back.
std::vector<ReportPart> parts_of(const TempDir &dir, const SuiteResult &run, size_t count) {
  std::vector<ReportPart> parts;
  for (size_t k = count; k-- > 0;) // any order
    parts.push_back(read_report_part(write(dir, fmt::format("{}-of-{}.json", k, count),
                                           shard_report(run, {k, count}).dump(2))));
  return parts;
}

} // namespace

TEST(ReportRead, ReadsBackEveryReportItWrites) {
  const SuiteResult run = sample_run(12);
  const nlohmann::json report = report_json(run);
  const SuiteResult read = read_report_json(report, "r.json");
  EXPECT_EQ(report_json(read).dump(), report.dump()); // NaN != NaN, but both dump as null
  EXPECT_TRUE(std::isnan(read.cases[1].checks[1].mismatches[1].got));
  EXPECT_EQ(read.tolerances.step_atol, 0.05);
  EXPECT_EQ(read.failed(), run.failed());
}

TEST(ReportRead, RefusesWhatIsNotAReportNamingThePlace) {
  nlohmann::json report = report_json(sample_run(3));
  auto error = [&](auto edit) {
    nlohmann::json copy = report;
    edit(copy);
    return input_error([&] { read_report_json(copy, "r.json"); });
  };
  EXPECT_EQ(error([](auto &j) { j.erase("suite"); }), "r.json: the report: missing key 'suite'");
  EXPECT_EQ(error([](auto &j) { j["cases"][1]["checks"][0]["step"] = "calibrate"; }),
            "r.json: cases[1].checks[0].step: unknown step 'calibrate'");
  EXPECT_EQ(error([](auto &j) { j["cases"][1]["checks"][1]["mismatches"][0]["got"] = "x"; }),
            "r.json: cases[1].checks[1].mismatches[0].got: expected a number");
  EXPECT_EQ(error([](auto &j) { j["cases"][0]["failed"] = 1; }),
            "r.json: cases[0]: the passed/failed/skipped counts disagree with the checks (1/0/0)");
  EXPECT_EQ(error([](auto &j) { j["passed"] = 0; }).substr(0, 24), "r.json: the report: the ");
  const std::string negative = error([](auto &j) { j["tolerances"]["step_atol"] = -1; });
  EXPECT_EQ(negative.rfind("r.json: tolerances:", 0), 0u) << negative;
  EXPECT_NE(negative.find("expected a finite number >= 0 for 'step_atol'"), std::string::npos);
  EXPECT_EQ(error([](auto &j) { j["tolerances"].erase("exact"); }),
            "r.json: tolerances: expected every key of a tolerances.yaml, as verify writes them");
  EXPECT_EQ(error([](auto &j) { j = nlohmann::json::array(); }),
            "r.json: the report: expected a JSON object (a qgold verify --json report)");
}

// The merge is the unsharded run's report, whatever N, the parts' order and
// empty shards.
TEST(MergeReports, EqualsTheUnshardedRun) {
  TempDir dir;
  const SuiteResult run = sample_run(20);
  for (size_t count : {1u, 2u, 3u, 7u, 40u}) {
    const SuiteResult merged = merge_report_parts(parts_of(dir, run, count));
    EXPECT_EQ(report_json(merged).dump(2), report_json(run).dump(2)) << count << " shards";
  }
}

TEST(MergeReports, RefusesPartsOfAnotherRunMissingOrTwice) {
  TempDir dir;
  const SuiteResult run = sample_run(20);
  std::vector<ReportPart> parts = parts_of(dir, run, 3); // shards 2, 1, 0
  auto error = [&](const std::vector<ReportPart> &given) {
    return input_error([&] { merge_report_parts(given); });
  };
  EXPECT_EQ(error({parts[0], parts[2]}),
            "shard 1/3 missing: give the reports of shards 0..2, each once (2 given)");
  EXPECT_EQ(error({parts[0], parts[1], parts[2], parts[1]}),
            fmt::format("{}: shard 1/3 again (also {})", parts[1].file, parts[1].file));
  std::vector<ReportPart> other = parts;
  other[1].result.tolerances.exact = true;
  EXPECT_NE(error(other).find(parts[1].file + ": not of the run of " + parts[0].file +
                              ": tolerances float_rule=steps"),
            std::string::npos)
      << error(other);
  other = parts;
  other[2].result.dir = "/elsewhere";
  EXPECT_EQ(error(other), fmt::format("{}: not of the run of {}: suite /elsewhere, not "
                                      "/suites/bundled",
                                      parts[2].file, parts[0].file));
  other = parts;
  other[1].shard.cases.pop_back();
  EXPECT_EQ(error(other), fmt::format("{}: not of the run of {}: another case list (19 cases, "
                                      "not 20)",
                                      parts[1].file, parts[0].file));
  other = parts;
  other[1].shard.backend = "/a.yaml";
  EXPECT_NE(error(other).find("backend /a.yaml, not qgold"), std::string::npos);
  // A part that lost a case (a report edited by hand) is named.
  other = parts;
  ASSERT_FALSE(other[1].result.cases.empty());
  other[1].result.cases.pop_back();
  EXPECT_NE(error(other).find(parts[1].file + ": case "), std::string::npos) << error(other);
  EXPECT_NE(error(other).find("is missing from shard 1/3's report"), std::string::npos);
}

TEST(MergeReports, RefusesFilesThatAreNotShardReports) {
  TempDir dir;
  const SuiteResult run = sample_run(6);
  const std::string text = shard_report(run, {0, 2}).dump(2);
  auto error = [&](const std::string &name, const std::string &content) {
    std::string file = write(dir, name, content);
    return input_error([&] { read_report_part(file); });
  };
  const std::string truncated = error("cut.json", text.substr(0, text.size() / 2));
  EXPECT_EQ(truncated.rfind((dir.path / "cut.json").string() +
                                ": not a JSON report (truncated or malformed): ",
                            0),
            0u)
      << truncated;
  EXPECT_EQ(error("plain.json", report_json(run).dump()),
            (dir.path / "plain.json").string() +
                ": not a shard's report (no 'shard' key): write the parts with qgold verify "
                "--shard K/N --json FILE");
  nlohmann::json bad = shard_report(run, {0, 2});
  bad["shard"]["index"] = 2;
  EXPECT_EQ(error("index.json", bad.dump()),
            (dir.path / "index.json").string() + ": shard: index 2 is not below count 2");
  // A case of shard 1 in shard 0's report.
  SuiteResult mixed = run;
  mixed.cases = shard_items(run.cases, {0, 2}, [](const CaseResult &c) { return c.name; });
  std::vector<CaseResult> second =
      shard_items(run.cases, {1, 2}, [](const CaseResult &c) { return c.name; });
  ASSERT_FALSE(second.empty());
  mixed.cases.push_back(second[0]);
  nlohmann::json wrong = report_json(mixed);
  wrong["shard"] = shard_json(info_of(run, {0, 2}));
  EXPECT_NE(error("wrong.json", wrong.dump())
                .find("belongs to shard 1/2, not to this report's 0/2"),
            std::string::npos);
}

} // namespace qgold::harness
