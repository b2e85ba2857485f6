#pragma once

// verify's reports: the text report on the terminal and the JSON summary
// (JUnit XML: junit.h).

#include "harness/suite/result.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace qgold::harness {

// One line per failing value (at most kMaxFailLinesPerKey per golden key, then
// a count of the rest) / check / case error:
//   FAIL <case> <step> <tensor> <key>[<index>] expected <e> got <g> (diff <d>)
// one SKIP line per skipped step and reason, then the summary
// "N passed, M failed[, K skipped] (suite <root>)". JSON and JUnit list every
// value and the tolerances used.
inline constexpr size_t kMaxFailLinesPerKey = 10;
void print_report(const SuiteResult &result, std::ostream &out);
nlohmann::json report_json(const SuiteResult &result);

} // namespace qgold::harness
