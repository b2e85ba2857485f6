#pragma once

// regen's HTML report: what changed (or would change, --check) per case and
// tensor, the largest change of each in steps, and a histogram of every
// changed value.

#include "harness/bundled/regen.h"
#include "harness/report/context.h"

#include <filesystem>
#include <string>
#include <vector>

namespace qgold::harness::report {

// Upper ends of the histogram's bins, in steps; values above the last fall in
// a last open bin.
inline constexpr double kChangeBinEnds[] = {0.01, 0.1, 0.5, 1, 2, 5, 10, 100};

// How many changed values fall in each bin (kChangeBinEnds, then the open
// bin), over every changed tensor of `report`.
std::vector<size_t> change_histogram(const RegenReport &report);

std::string regen_html(const RegenReport &report, const RegenOptions &options,
                       const ReportContext &context);

// regen_html written atomically to `path`.
void write_regen_html_report(const RegenReport &report, const RegenOptions &options,
                             const ReportContext &context, const std::filesystem::path &path);

} // namespace qgold::harness::report
