#include "harness/suite/report_read.h"

#include "harness/golden/tolerances.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <limits>
#include <type_traits>

namespace qgold::harness {

namespace {

using nlohmann::json;

// A position in the report, for messages: "cases[3].checks[0].step".
struct Reader {
  const std::string &origin;

  [[noreturn]] void fail(const std::string &path, const std::string &what) const {
    throw InputError(fmt::format("{}: {}: {}", origin, path.empty() ? "the report" : path, what));
  }
  const json &member(const json &object, const std::string &path, const char *key) const {
    if (!object.is_object())
      fail(path, "expected an object");
    auto it = object.find(key);
    if (it == object.end())
      fail(path, fmt::format("missing key '{}'", key));
    return *it;
  }
  static std::string join(const std::string &path, const char *key) {
    return path.empty() ? key : path + "." + key;
  }
  std::string text(const json &object, const std::string &path, const char *key) const {
    const json &value = member(object, path, key);
    if (!value.is_string())
      fail(join(path, key), "expected a string");
    return value.get<std::string>();
  }
  // Optional string keys (error, skipped) are absent when empty.
  std::string optional_text(const json &object, const std::string &path, const char *key) const {
    return object.contains(key) ? text(object, path, key) : std::string();
  }
  double number(const json &value, const std::string &path) const {
    if (value.is_null()) // NaN and Inf are written as null
      return std::numeric_limits<double>::quiet_NaN();
    if (!value.is_number())
      fail(path, "expected a number");
    return value.get<double>();
  }
  double number(const json &object, const std::string &path, const char *key) const {
    return number(member(object, path, key), join(path, key));
  }
  template <typename Int>
  Int integer(const json &object, const std::string &path, const char *key) const {
    const json &value = member(object, path, key);
    const bool ok = value.is_number_integer() && (std::is_signed_v<Int> || value >= 0);
    if (!ok)
      fail(join(path, key), std::is_signed_v<Int> ? "expected an integer" : "expected a count");
    return value.get<Int>();
  }
  bool flag(const json &object, const std::string &path, const char *key) const {
    const json &value = member(object, path, key);
    if (!value.is_boolean())
      fail(join(path, key), "expected true or false");
    return value.get<bool>();
  }
  const json &array(const json &object, const std::string &path, const char *key) const {
    const json &value = member(object, path, key);
    if (!value.is_array())
      fail(join(path, key), "expected an array");
    return value;
  }
  static std::string item(const std::string &path, const char *key, size_t index) {
    return fmt::format("{}[{}]", join(path, key), index);
  }

  Mismatch mismatch(const json &m, const std::string &path) const {
    Mismatch out;
    out.key = text(m, path, "key");
    out.index = integer<int64_t>(m, path, "index");
    if (out.index < 0) {
      out.problem = text(m, path, "problem");
      return out;
    }
    out.expected = number(m, path, "expected");
    out.got = number(m, path, "got");
    out.diff = number(m, path, "diff");
    if (m.contains("diff_steps"))
      out.diff_steps = number(m, path, "diff_steps");
    if (m.contains("codes_moved"))
      out.codes_moved = number(m, path, "codes_moved");
    if (m.contains("scale_allowance"))
      out.scale_allowance = number(m, path, "scale_allowance");
    return out;
  }

  GoldenCheck check(const json &c, const std::string &path) const {
    GoldenCheck out;
    const std::string step = text(c, path, "step");
    const auto parsed = step_from_name(step);
    if (!parsed)
      fail(join(path, "step"), fmt::format("unknown step '{}'", step));
    out.step = *parsed;
    out.tensor = text(c, path, "tensor");
    out.error = optional_text(c, path, "error");
    out.skipped = optional_text(c, path, "skipped");
    const json &mismatches = array(c, path, "mismatches");
    for (size_t i = 0; i < mismatches.size(); ++i)
      out.mismatches.push_back(mismatch(mismatches[i], item(path, "mismatches", i)));
    if (flag(c, path, "passed") != out.passed())
      fail(join(path, "passed"), "disagrees with the check's error and mismatches");
    return out;
  }

  CaseResult case_result(const json &c, const std::string &path) const {
    CaseResult out;
    out.name = text(c, path, "name");
    out.seconds = number(c, path, "seconds");
    const json &checks = array(c, path, "checks");
    for (size_t i = 0; i < checks.size(); ++i)
      out.checks.push_back(check(checks[i], item(path, "checks", i)));
    if (c.contains("error")) {
      out.error = text(c, path, "error");
      out.error_step = text(c, path, "error_step");
      out.unchecked = integer<size_t>(c, path, "unchecked");
    }
    counts_agree(c, path, out.passed(), out.failed(), out.skipped());
    return out;
  }

  void counts_agree(const json &object, const std::string &path, size_t passed, size_t failed,
                    size_t skipped) const {
    if (integer<size_t>(object, path, "passed") != passed ||
        integer<size_t>(object, path, "failed") != failed ||
        integer<size_t>(object, path, "skipped") != skipped)
      fail(path, fmt::format("the passed/failed/skipped counts disagree with the checks ({}/{}/{})",
                             passed, failed, skipped));
  }
};

} // namespace

SuiteResult read_report_json(const json &report, const std::string &origin) {
  Reader reader{origin};
  if (!report.is_object())
    reader.fail("", "expected a JSON object (a qgold verify --json report)");
  SuiteResult result;
  result.dir = reader.text(report, "", "suite");
  const json &tolerances = reader.member(report, "", "tolerances");
  if (!tolerances.is_object())
    reader.fail("tolerances", "expected an object");
  // JSON is YAML: the tolerances read as a tolerances.yaml would.
  result.tolerances = parse_tolerances(tolerances.dump(), origin + ": tolerances");
  if (tolerances_json(result.tolerances) != tolerances)
    reader.fail("tolerances", "expected every key of a tolerances.yaml, as verify writes them");
  const json &cases = reader.array(report, "", "cases");
  for (size_t i = 0; i < cases.size(); ++i)
    result.cases.push_back(reader.case_result(cases[i], Reader::item("", "cases", i)));
  reader.counts_agree(report, "", result.passed(), result.failed(), result.skipped());
  return result;
}

} // namespace qgold::harness
