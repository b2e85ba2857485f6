#include "harness/suite/report.h"

#include <fmt/format.h>

#include <map>
#include <set>

namespace qgold::harness {

void print_report(const SuiteResult &result, std::ostream &out) {
  // Skipped goldens by step and reason: how many, in how many cases.
  std::map<std::pair<Step, std::string>, std::pair<size_t, std::set<std::string>>> skipped;
  for (const CaseResult &c : result.cases) {
    for (const GoldenCheck &check : c.checks) {
      if (!check.skipped.empty()) {
        auto &[goldens, cases] = skipped[{check.step, check.skipped}];
        ++goldens;
        cases.insert(c.name);
        continue;
      }
      std::string prefix = fmt::format("FAIL {} {} {}", c.name, step_name(check.step), check.tensor);
      if (!check.error.empty())
        out << prefix << ": " << check.error << '\n';
      std::map<std::string, size_t> lines; // per key
      for (const Mismatch &mismatch : check.mismatches)
        if (++lines[mismatch.key] <= kMaxFailLinesPerKey)
          out << prefix << ' ' << mismatch.describe() << '\n';
      for (const auto &[key, count] : lines)
        if (count > kMaxFailLinesPerKey)
          out << fmt::format("{} {}: {} more mismatches (--json and --junit list them all)\n",
                             prefix, key, count - kMaxFailLinesPerKey);
    }
    if (!c.error.empty())
      out << fmt::format("FAIL {} {}: {}\n", c.name, c.error_step, c.error);
  }
  for (const auto &[step_reason, counts] : skipped)
    out << fmt::format("SKIP {}: {} ({} golden(s) of {} case(s) not checked)\n",
                       step_name(step_reason.first), step_reason.second, counts.first,
                       counts.second.size());
  out << fmt::format("{} passed, {} failed", result.passed(), result.failed());
  if (result.skipped() > 0)
    out << fmt::format(", {} skipped", result.skipped());
  out << fmt::format(" (suite {})\n", result.dir.string());
}

nlohmann::json report_json(const SuiteResult &result) {
  using nlohmann::json;
  json cases = json::array();
  for (const CaseResult &c : result.cases) {
    json checks = json::array();
    for (const GoldenCheck &check : c.checks) {
      json mismatches = json::array();
      for (const Mismatch &m : check.mismatches) {
        json item = {{"key", m.key}, {"index", m.index}};
        if (m.index < 0) {
          item["problem"] = m.problem;
        } else {
          item["expected"] = m.expected;
          item["got"] = m.got;
          item["diff"] = m.diff;
          if (m.diff_steps)
            item["diff_steps"] = *m.diff_steps;
          if (m.codes_moved)
            item["codes_moved"] = *m.codes_moved;
          if (m.scale_allowance)
            item["scale_allowance"] = *m.scale_allowance;
        }
        mismatches.push_back(std::move(item));
      }
      json entry = {{"step", step_name(check.step)},
                    {"tensor", check.tensor},
                    {"passed", check.passed()},
                    {"mismatches", std::move(mismatches)}};
      if (!check.error.empty())
        entry["error"] = check.error;
      if (!check.skipped.empty())
        entry["skipped"] = check.skipped;
      checks.push_back(std::move(entry));
    }
    json entry = {{"name", c.name},
                  {"seconds", c.seconds},
                  {"passed", c.passed()},
                  {"failed", c.failed()},
                  {"skipped", c.skipped()},
                  {"checks", std::move(checks)}};
    if (!c.error.empty()) {
      entry["error"] = c.error;
      entry["error_step"] = c.error_step;
      entry["unchecked"] = c.unchecked;
    }
    cases.push_back(std::move(entry));
  }
  return {{"suite", result.dir.string()},
          {"tolerances", tolerances_json(result.tolerances)},
          {"passed", result.passed()},
          {"failed", result.failed()},
          {"skipped", result.skipped()},
          {"cases", std::move(cases)}};
}

} // namespace qgold::harness
