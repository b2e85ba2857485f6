#include "harness/one/suite_tsv.h"

#include "harness/suite/golden_files.h"
#include "quant/quant.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace qgold::harness {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> split(const std::string &text, char separator) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, separator))
    parts.push_back(part);
  if (!text.empty() && text.back() == separator)
    parts.emplace_back();
  return parts;
}

std::vector<Step> parse_steps(const std::string &column, const std::string &where) {
  std::vector<Step> steps;
  if (column == "-")
    return steps;
  for (const std::string &name : split(column, ',')) {
    auto step = step_from_name(name);
    if (!step)
      throw SuiteError(fmt::format("{}: unknown step '{}' (expected fake_quantization, "
                                   "record_minmax, quantization or wo_quantization)",
                                   where, name));
    steps.push_back(*step);
  }
  return steps;
}

bool has(const std::vector<Step> &steps, Step step) {
  return std::find(steps.begin(), steps.end(), step) != steps.end();
}

} // namespace

std::string OneCase::name() const { return recipe + "/" + granularity + "/" + dtype; }

std::vector<OneCase> read_suite_tsv(const fs::path &path) {
  std::ifstream in(path);
  if (!in)
    throw SuiteError(fmt::format("{}: cannot open suite table", path.string()));
  std::vector<OneCase> cases;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    std::string where = fmt::format("{}:{}", path.string(), number);
    auto columns = split(line, '\t');
    if (number == 1) {
      if (columns.size() < 5 || columns[0] != "recipe" || columns[3] != "steps_chained" ||
          columns[4] != "steps_isolated")
        throw SuiteError(fmt::format("{}: expected the header recipe, granularity, dtype, "
                                     "steps_chained, steps_isolated, note",
                                     where));
      continue;
    }
    if (line.find_first_not_of(" \t") == std::string::npos)
      continue;
    if (columns.size() < 5 || columns.size() > 6)
      throw SuiteError(
          fmt::format("{}: expected 5 or 6 tab-separated columns, got {}", where, columns.size()));
    OneCase suite_case{columns[0],
                       columns[1],
                       columns[2],
                       parse_steps(columns[3], where),
                       parse_steps(columns[4], where),
                       columns.size() > 5 ? columns[5] : "",
                       number};
    for (Step step : suite_case.isolated)
      if (has(suite_case.chained, step))
        throw SuiteError(
            fmt::format("{}: step {} is both chained and isolated", where, step_name(step)));
    if (has(suite_case.isolated, Step::RecordMinMax))
      throw SuiteError(fmt::format("{}: record_minmax cannot be isolated (qgold feeds goldens "
                                   "only to quantization)",
                                   where));
    if (!quant::granularity_from_name(suite_case.granularity))
      throw SuiteError(fmt::format("{}: unknown granularity '{}' (expected layer or channel)",
                                   where, suite_case.granularity));
    if (!ir::dtype_from_name(suite_case.dtype))
      throw SuiteError(fmt::format("{}: unknown dtype '{}'", where, suite_case.dtype));
    if (suite_case.recipe.empty() || suite_case.recipe.find('/') != std::string::npos ||
        suite_case.recipe.starts_with("."))
      throw SuiteError(fmt::format("{}: bad recipe name '{}'", where, suite_case.recipe));
    cases.push_back(std::move(suite_case));
  }
  if (number == 0)
    throw SuiteError(fmt::format("{}: empty suite table", path.string()));
  return cases;
}

} // namespace qgold::harness
