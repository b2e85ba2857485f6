#include "harness/golden/tolerances.h"

#include "harness/util/atomic_file.h"
#include "ir/error.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <set>
#include <utility>

namespace qgold::harness {

namespace {

using Number = double Tolerances::*;
constexpr std::pair<const char *, Number> kNumbers[] = {
    {"scale_rtol", &Tolerances::scale_rtol},
    {"step_atol", &Tolerances::step_atol},
    {"float_rtol", &Tolerances::float_rtol},
    {"float_atol", &Tolerances::float_atol},
    {"zero_point_atol", &Tolerances::zero_point_atol},
    {"quantized_atol", &Tolerances::quantized_atol},
    {"quantized_int64_atol", &Tolerances::quantized_int64_atol},
    {"inference_atol", &Tolerances::inference_atol},
};

const char *rule_name(Tolerances::FloatRule rule) {
  return rule == Tolerances::FloatRule::Steps ? "steps" : "allclose";
}

std::string where(const std::string &origin, const YAML::Mark &mark) {
  return fmt::format("{}:{}:{}", origin, mark.line + 1, mark.column + 1);
}

} // namespace

Tolerances Tolerances::one_allclose() {
  Tolerances one;
  one.float_rule = FloatRule::Allclose;
  return one;
}

double Tolerances::scale_relative() const {
  return float_rule == FloatRule::Steps ? scale_rtol : float_rtol;
}

Tolerances parse_tolerances(const std::string &text, const std::string &origin,
                            const Tolerances &base) {
  Tolerances tolerances = base;
  try {
    YAML::Node root = YAML::Load(text);
    if (root.IsNull())
      return tolerances;
    if (!root.IsMap())
      throw InputError(fmt::format("{}: expected a mapping of tolerance names to values",
                                   where(origin, root.Mark())));
    std::set<std::string> seen;
    for (auto it = root.begin(); it != root.end(); ++it) {
      std::string key = it->first.as<std::string>();
      const YAML::Node value = it->second; // a copy: `second` belongs to a temporary
      if (!seen.insert(key).second)
        throw InputError(
            fmt::format("{}: duplicate key '{}'", where(origin, it->first.Mark()), key));
      if (key == "exact") {
        bool flag = false;
        if (!value.IsScalar() || !YAML::convert<bool>::decode(value, flag))
          throw InputError(
              fmt::format("{}: expected true or false for 'exact'", where(origin, value.Mark())));
        tolerances.exact = flag;
        continue;
      }
      if (key == "float_rule") {
        std::string rule = value.IsScalar() ? value.Scalar() : "";
        if (rule != "steps" && rule != "allclose")
          throw InputError(fmt::format("{}: expected steps or allclose for 'float_rule'",
                                       where(origin, value.Mark())));
        tolerances.float_rule =
            rule == "steps" ? Tolerances::FloatRule::Steps : Tolerances::FloatRule::Allclose;
        continue;
      }
      Number member = nullptr;
      for (const auto &[name, field] : kNumbers)
        if (key == name)
          member = field;
      if (!member)
        throw InputError(fmt::format("{}: unknown key '{}' (expected float_rule, scale_rtol, "
                                     "step_atol, float_rtol, float_atol, zero_point_atol, "
                                     "quantized_atol, quantized_int64_atol, inference_atol or exact)",
                                     where(origin, it->first.Mark()), key));
      double number = 0;
      if (!value.IsScalar() || !YAML::convert<double>::decode(value, number) ||
          !std::isfinite(number) || number < 0)
        throw InputError(fmt::format("{}: expected a finite number >= 0 for '{}', got '{}'",
                                     where(origin, value.Mark()), key,
                                     value.IsScalar() ? value.Scalar() : "a collection"));
      tolerances.*member = number;
    }
  } catch (const YAML::Exception &error) {
    throw InputError(fmt::format("{}: {}", where(origin, error.mark), error.msg));
  }
  return tolerances;
}

Tolerances load_tolerances(const std::filesystem::path &path, const Tolerances &base) {
  FileText file = read_file_text(path);
  if (!file.exists)
    throw InputError(fmt::format("{}: cannot open tolerances file", path.string()));
  return parse_tolerances(file.text, path.string(), base);
}

nlohmann::json tolerances_json(const Tolerances &tolerances) {
  nlohmann::json json;
  json["float_rule"] = rule_name(tolerances.float_rule);
  for (const auto &[name, field] : kNumbers)
    json[name] = tolerances.*field;
  json["exact"] = tolerances.exact;
  return json;
}

std::string describe_tolerances(const Tolerances &tolerances) {
  std::string text = fmt::format("float_rule={}", rule_name(tolerances.float_rule));
  for (const auto &[name, field] : kNumbers)
    text += fmt::format(" {}={}", name, tolerances.*field);
  return text + fmt::format(" exact={}", tolerances.exact);
}

} // namespace qgold::harness
