#pragma once

// The conformance view of a verify run: results grouped by operator x
// granularity x dtype (the operator is the case's recipe name without its
// number and "_config", case_label.h), so a backend team sees which
// operators conform in which configurations.

#include "harness/suite/result.h"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace qgold::harness {

struct ConformanceRow {
  std::string op, granularity, dtype;
  size_t cases = 0, failing_cases = 0;
  size_t passed = 0, failed = 0, skipped = 0; // goldens
  bool conforms() const { return failing_cases == 0 && passed > 0; }
};

// One row per operator x granularity x dtype, sorted by operator, then in
// the configuration order layer/uint8, channel/uint8, channel/int16,
// channel/int8 (others after, by name).
std::vector<ConformanceRow> conformance_rows(const SuiteResult &result);

// An operator per line, a column per configuration: "ok 3" (cases, all
// passing), "FAIL 1/3" (failing of all cases), "skipped" (every golden
// skipped), "-" (no case).
void print_conformance(const std::vector<ConformanceRow> &rows, std::ostream &out);

// [{"operator", "granularity", "dtype", "cases", "failing_cases", "passed",
//   "failed", "skipped", "conforms"}, ...] in conformance_rows order.
nlohmann::json conformance_json(const std::vector<ConformanceRow> &rows);

} // namespace qgold::harness
