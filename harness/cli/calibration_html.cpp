#include "harness/cli/calibration_html.h"

#include "ir/error.h"

#include <filesystem>
#include <fmt/format.h>

namespace qgold::cli {

CLI::Option *add_calibration_html_option(CLI::App &command, std::string &html) {
  return command.add_option("--html", html,
                            "also write the calibration view: per tensor the recorded range against the "
                            "per-record ranges (docs/harness.md#html-reports)");
}

void check_calibration_html(const std::string &html, const std::string &model_output) {
  namespace fs = std::filesystem;
  if (html.empty())
    return;
  std::error_code error, other_error;
  if (fs::is_directory(html, error))
    throw InputError(fmt::format("--html {}: is a folder; name a file", html));
  const fs::path page = fs::weakly_canonical(html, error), model = fs::weakly_canonical(model_output, other_error);
  if (!error && !other_error && page == model)
    throw InputError(fmt::format("--html {}: is the model being written (-o)", html));
}

void write_calibration_html(const std::string &command, const ir::Model &model, const quant::RecordedRanges &ranges,
                            const harness::report::CalibrationSource &source, const std::string &html) {
  const quant::CalibrationStats stats = quant::calibration_stats(ranges, source.options);
  // The revision of a suite means nothing here; the page leaves it out.
  auto context = harness::report::make_report_context(QGOLD_VERSION, command, ".");
  harness::report::write_calibration_html_report(model, stats, source, context, html);
}

} // namespace qgold::cli
