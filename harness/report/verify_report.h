#pragma once

// verify's HTML report: summary, operator x dtype x granularity matrix, case
// and golden tables that sort and filter (failed first), and per failing
// golden the values that differ with a plot of the per-channel difference.

#include "harness/report/context.h"
#include "harness/suite/result.h"

#include <filesystem>
#include <string>

namespace qgold::harness::report {

// At most this many differing values are listed per failing golden (the JSON
// report lists them all); the per-channel plot counts every one.
inline constexpr size_t kMaxValueRowsPerGolden = 50;

// The page. The goldens of failing checks are read back from
// <result.dir>/expected_outputs/<case>/<step>/<tensor>.json when present to
// learn their channels; without them, per-channel plots come from the
// scale/zero_point indices alone. With context.history_dir set, the run is
// recorded there and the page gets the nightly trend (trend.h).
std::string verify_html(const SuiteResult &result, const ReportContext &context);

// verify_html written atomically to `path` (harness/util/atomic_file.h).
void write_html_report(const SuiteResult &result, const ReportContext &context,
                       const std::filesystem::path &path);

} // namespace qgold::harness::report
