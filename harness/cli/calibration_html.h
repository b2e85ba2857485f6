#pragma once

// --html FILE of record-minmax and merge-minmax: the calibration view of the
// HTML reports (harness/report/calibration_report.h).

#include "harness/report/calibration_report.h"
#include "quant/quant.h"

#include <CLI/CLI.hpp>

#include <string>

namespace qgold::cli {

CLI::Option *add_calibration_html_option(CLI::App &command, std::string &html);

// Before any work: --html FILE must not be a folder nor the model being written.
void check_calibration_html(const std::string &html, const std::string &model_output);

// Summarizes `ranges` (reduced as `source.options` says) and writes the page for
// `model`, calibrated by `command`.
void write_calibration_html(const std::string &command, const ir::Model &model, const quant::RecordedRanges &ranges,
                            const harness::report::CalibrationSource &source, const std::string &html);

} // namespace qgold::cli
