#include "harness/junit.h"

#include <fmt/format.h>

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

std::string junit_xml(const SuiteResult &result) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"{}\" tests=\"{}\" failures=\"{}\">\n",
                     xml_escape(result.dir.string()), result.passed() + result.failed(),
                     result.failed());
  for (const CaseResult &c : result.cases) {
    size_t failures = c.checks.size() - c.passed();
    out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" "
                       "time=\"{:.3f}\">\n",
                       xml_escape(c.name), c.checks.size() + (c.error.empty() ? 0 : 1), failures,
                       c.error.empty() ? 0 : 1, c.seconds);
    for (const GoldenCheck &check : c.checks) {
      out += fmt::format("    <testcase classname=\"{}\" name=\"{}/{}\"", xml_escape(c.name),
                         step_name(check.step), xml_escape(check.tensor));
      if (check.passed()) {
        out += "/>\n";
        continue;
      }
      std::string details = check.error;
      for (const Mismatch &mismatch : check.mismatches)
        details += (details.empty() ? "" : "\n") + mismatch.describe();
      std::string first = details.substr(0, details.find('\n'));
      out += fmt::format(">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                         xml_escape(first), xml_escape(details));
    }
    if (!c.error.empty())
      out += fmt::format("    <testcase classname=\"{}\" name=\"{}/(case)\">\n      <error "
                         "message=\"{}\">{} golden(s) not checked</error>\n    </testcase>\n",
                         xml_escape(c.name), xml_escape(c.error_step), xml_escape(c.error),
                         c.unchecked);
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

} // namespace qgold::harness
