#include "harness/suite/junit.h"

#include "harness/suite/case_label.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace qgold::harness {

std::string xml_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&apos;"; break;
    default:
      out += (byte < 0x20 && c != '\n' && c != '\t' && c != '\r') ? '?' : c;
    }
  }
  return out;
}

namespace {

// JUnit counts testcases: a failure per mismatching golden, an error per case
// error (its one "(case)" testcase), a skip per skipped golden.
struct Counts {
  size_t tests = 0, failures = 0, errors = 0, skipped = 0;

  void add(const Counts &other) {
    tests += other.tests;
    failures += other.failures;
    errors += other.errors;
    skipped += other.skipped;
  }
  std::string attributes() const {
    return fmt::format("tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\"", tests,
                       failures, errors, skipped);
  }
};

Counts count(const CaseResult &c) {
  Counts counts;
  counts.errors = c.error.empty() ? 0 : 1;
  counts.tests = c.checks.size() + counts.errors;
  counts.skipped = c.skipped();
  counts.failures = c.checks.size() - c.passed() - counts.skipped;
  return counts;
}

std::string testcase(const CaseResult &c, const GoldenCheck &check) {
  std::string out = fmt::format("    <testcase classname=\"{}\" name=\"{}/{}\"",
                                xml_escape(c.name), step_name(check.step),
                                xml_escape(check.tensor));
  if (check.passed())
    return out + "/>\n";
  if (!check.skipped.empty())
    return out + fmt::format(">\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                             xml_escape(check.skipped));
  std::string details = check.error;
  for (const Mismatch &mismatch : check.mismatches)
    details += (details.empty() ? "" : "\n") + mismatch.describe();
  std::string first = details.substr(0, details.find('\n'));
  return out + fmt::format(">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                           xml_escape(first), xml_escape(details));
}

} // namespace

std::string junit_xml(const SuiteResult &result, bool by_operator) {
  // Testsuites in order: cases, or operator x granularity x dtype groups of them.
  std::vector<std::pair<std::string, std::vector<const CaseResult *>>> groups;
  std::map<std::string, size_t> group_of;
  for (const CaseResult &c : result.cases) {
    std::string name = c.name;
    if (by_operator) {
      const CaseLabel label = case_label(c.name);
      name = fmt::format("{}/{}/{}", label.op, label.granularity, label.dtype);
    }
    auto [slot, fresh] = group_of.emplace(name, groups.size());
    if (fresh)
      groups.push_back({name, {}});
    groups[slot->second].second.push_back(&c);
  }
  if (by_operator)
    std::sort(groups.begin(), groups.end());
  Counts total;
  std::string suites;
  for (const auto &[name, cases] : groups) {
    Counts counts;
    double seconds = 0;
    for (const CaseResult *c : cases) {
      counts.add(count(*c));
      seconds += c->seconds;
    }
    total.add(counts);
    suites += fmt::format("  <testsuite name=\"{}\" {} time=\"{:.3f}\">\n", xml_escape(name),
                          counts.attributes(), seconds);
    suites += fmt::format("    <properties><property name=\"tolerances\" value=\"{}\"/>"
                          "</properties>\n",
                          xml_escape(describe_tolerances(result.tolerances)));
    for (const CaseResult *c : cases) {
      for (const GoldenCheck &check : c->checks)
        suites += testcase(*c, check);
      if (!c->error.empty())
        suites += fmt::format("    <testcase classname=\"{}\" name=\"{}/(case)\">\n      <error "
                              "message=\"{}\">{} golden(s) not checked</error>\n    </testcase>\n",
                              xml_escape(c->name), xml_escape(c->error_step), xml_escape(c->error),
                              c->unchecked);
    }
    suites += "  </testsuite>\n";
  }
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"{}\" {}>\n"
                     "{}</testsuites>\n",
                     xml_escape(result.dir.string()), total.attributes(), suites);
}

} // namespace qgold::harness
