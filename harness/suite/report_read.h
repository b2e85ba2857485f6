#pragma once

// Reading verify's JSON report back (merge-reports): the inverse of
// report_json (report.h), so that report_json(read_report_json(j)) == j for
// every report qgold writes.

#include "harness/suite/result.h"

#include <nlohmann/json.hpp>

#include <string>

namespace qgold::harness {

// The SuiteResult of `report`. Anything but a report of this qgold's layout
// (a missing or mistyped key, an unknown step, tolerances that do not read
// back, passed/failed/skipped counts that disagree with the checks) is an
// InputError "<origin>: <path in the JSON>: <what was expected>". Values
// JSON cannot hold (NaN, Inf) were written as null and read back as NaN.
SuiteResult read_report_json(const nlohmann::json &report, const std::string &origin);

} // namespace qgold::harness
