#pragma once

// The float-vs-quantized error report (quant/error_report.h) as qgold writes
// it: a text summary with the worst tensors first, JSON with every tensor in
// graph order, and a self-contained HTML page with SQNR plotted along the graph.

#include "harness/report/context.h"
#include "quant/error_report.h"

#include <filesystem>
#include <string>
#include <vector>

namespace qgold::harness::report {

// Indices into report.tensors, worst first: lowest SQNR, then highest max
// steps, then graph order.
std::vector<size_t> worst_first(const quant::ErrorReport &report);

// The terminal summary: a header, the `top` worst tensors (0: all) in a table
// (tensor, dtype, SQNR dB, MSE, max steps, cosine) and the skipped tensors.
std::string error_report_text(const quant::ErrorReport &report,
                              const quant::ErrorReportSources &sources, size_t top);

// {"float_model", "quantized_model", "data", "records", "tensors": [...] in
// graph order, "skipped": [{"name", "reason"}]}. Per tensor: name, dtype,
// shape, scales, elements, nonfinite, sqnr_db, mse, max_abs_error, max_steps,
// cosine. A non-finite number is the string "inf" or "-inf"; max_steps is
// null for a float tensor.
std::string error_report_json(const quant::ErrorReport &report,
                              const quant::ErrorReportSources &sources);

// The page: summary, SQNR per tensor along the graph order (the worst
// highlighted_tensors() highlighted) and max steps per tensor as bar plots,
// and a table of every tensor that sorts and filters.
inline constexpr size_t kHighlightedTensors = 5;
// How many of `tensors` the page highlights: kHighlightedTensors, but at most
// a quarter of them (at least one), so that the worst stand out.
size_t highlighted_tensors(size_t tensors);
std::string error_report_html(const quant::ErrorReport &report,
                              const quant::ErrorReportSources &sources,
                              const ReportContext &context);
void write_error_report_html(const quant::ErrorReport &report,
                             const quant::ErrorReportSources &sources, const ReportContext &context,
                             const std::filesystem::path &path);

} // namespace qgold::harness::report
