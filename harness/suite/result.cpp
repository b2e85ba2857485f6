#include "harness/suite/result.h"

#include <algorithm>
#include <numeric>

namespace qgold::harness {

size_t CaseResult::passed() const {
  return std::count_if(checks.begin(), checks.end(),
                       [](const GoldenCheck &c) { return c.passed(); });
}

size_t CaseResult::failed() const {
  size_t failed =
      std::count_if(checks.begin(), checks.end(), [](const GoldenCheck &c) { return c.failed(); });
  if (!error.empty())
    failed += std::max<size_t>(unchecked, 1);
  return failed;
}

size_t CaseResult::skipped() const {
  return std::count_if(checks.begin(), checks.end(),
                       [](const GoldenCheck &c) { return !c.skipped.empty(); });
}

namespace {
template <typename Count> size_t total(const std::vector<CaseResult> &cases, Count count) {
  return std::accumulate(cases.begin(), cases.end(), size_t(0),
                         [&](size_t sum, const CaseResult &c) { return sum + count(c); });
}
} // namespace

size_t SuiteResult::passed() const {
  return total(cases, [](const CaseResult &c) { return c.passed(); });
}

size_t SuiteResult::failed() const {
  return total(cases, [](const CaseResult &c) { return c.failed(); });
}

size_t SuiteResult::skipped() const {
  return total(cases, [](const CaseResult &c) { return c.skipped(); });
}

} // namespace qgold::harness
