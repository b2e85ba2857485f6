#pragma once

// The calibration view (record-minmax --html, merge-minmax --html): per
// recorded tensor in graph order, the range record-minmax wrote against the
// distribution of the per-record minima and maxima, and a table of how many
// records fall outside it.

#include "harness/report/context.h"
#include "ir/model.h"
#include "quant/calibration_stats.h"

#include <filesystem>
#include <string>

namespace qgold::harness::report {

// Where the ranges came from, for the summary.
struct CalibrationSource {
  std::string model;   // the model calibrated
  std::string dataset; // the dataset, or the partials merged
  std::string output;  // the calibrated model written
  quant::RecordMinMaxOptions options;
  size_t skipped = 0;  // records --skip-nonfinite left out
};

// "percentile 1-99", "moving_average batch 16, constant 0.1", "minmax".
std::string describe_reduction(const quant::RecordMinMaxOptions &options);

// The page. `model` is the calibrated model (its tensors are named by `stats`).
std::string calibration_html(const ir::Model &model, const quant::CalibrationStats &stats,
                             const CalibrationSource &source, const ReportContext &context);

// calibration_html written atomically to `path`.
void write_calibration_html_report(const ir::Model &model, const quant::CalibrationStats &stats,
                                   const CalibrationSource &source, const ReportContext &context,
                                   const std::filesystem::path &path);

} // namespace qgold::harness::report
