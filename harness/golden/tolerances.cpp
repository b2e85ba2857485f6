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

std::string where(const std::string &origin, const YAML::Mark &mark) {
  return fmt::format("{}:{}:{}", origin, mark.line + 1, mark.column + 1);
}

} // namespace

Tolerances parse_tolerances(const std::string &text, const std::string &origin) {
  const std::pair<const char *, double Tolerances::*> fields[] = {
      {"float_rtol", &Tolerances::float_rtol},
      {"float_atol", &Tolerances::float_atol},
      {"zero_point_atol", &Tolerances::zero_point_atol},
      {"quantized_atol", &Tolerances::quantized_atol},
      {"quantized_int64_atol", &Tolerances::quantized_int64_atol},
  };
  Tolerances tolerances;
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
        throw InputError(fmt::format("{}: duplicate key '{}'", where(origin, it->first.Mark()), key));
      if (key == "exact") {
        bool flag = false;
        if (!value.IsScalar() || !YAML::convert<bool>::decode(value, flag))
          throw InputError(fmt::format("{}: expected true or false for 'exact'",
                                       where(origin, value.Mark())));
        tolerances.exact = flag;
        continue;
      }
      double Tolerances::*member = nullptr;
      for (const auto &[name, field] : fields)
        if (key == name)
          member = field;
      if (!member)
        throw InputError(fmt::format("{}: unknown key '{}' (expected float_rtol, float_atol, "
                                     "zero_point_atol, quantized_atol, quantized_int64_atol or "
                                     "exact)",
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

Tolerances load_tolerances(const std::filesystem::path &path) {
  FileText file = read_file_text(path);
  if (!file.exists)
    throw InputError(fmt::format("{}: cannot open tolerances file", path.string()));
  return parse_tolerances(file.text, path.string());
}

} // namespace qgold::harness
