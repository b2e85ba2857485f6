#include "harness/suite/conformance.h"

#include "harness/suite/case_label.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace qgold::harness {

namespace {

std::string configuration(const ConformanceRow &row) {
  return row.granularity + "/" + row.dtype;
}

// The suite's configurations in the order of the recipes' tests.
int configuration_rank(const std::string &name) {
  constexpr const char *kOrder[] = {"layer/uint8", "channel/uint8", "channel/int16",
                                    "channel/int8"};
  auto found = std::find(std::begin(kOrder), std::end(kOrder), name);
  return static_cast<int>(found - std::begin(kOrder));
}

bool configuration_before(const std::string &a, const std::string &b) {
  return std::make_tuple(configuration_rank(a), a) < std::make_tuple(configuration_rank(b), b);
}

std::string cell(const ConformanceRow &row) {
  if (row.failing_cases)
    return fmt::format("FAIL {}/{}", row.failing_cases, row.cases);
  if (row.passed == 0)
    return "skipped";
  return fmt::format("ok {}", row.cases);
}

} // namespace

std::vector<ConformanceRow> conformance_rows(const SuiteResult &result) {
  std::map<std::tuple<std::string, std::string, std::string>, ConformanceRow> groups;
  for (const CaseResult &c : result.cases) {
    const CaseLabel label = case_label(c.name);
    ConformanceRow &row = groups[{label.op, label.granularity, label.dtype}];
    row.op = label.op;
    row.granularity = label.granularity;
    row.dtype = label.dtype;
    ++row.cases;
    row.failing_cases += c.failed() > 0;
    row.passed += c.passed();
    row.failed += c.failed();
    row.skipped += c.skipped();
  }
  std::vector<ConformanceRow> rows;
  for (auto &[key, row] : groups)
    rows.push_back(std::move(row));
  std::stable_sort(rows.begin(), rows.end(), [](const ConformanceRow &a, const ConformanceRow &b) {
    if (a.op != b.op)
      return a.op < b.op;
    return configuration_before(configuration(a), configuration(b));
  });
  return rows;
}

void print_conformance(const std::vector<ConformanceRow> &rows, std::ostream &out) {
  std::vector<std::string> columns;
  size_t width = std::string("operator").size();
  for (const ConformanceRow &row : rows) {
    if (std::find(columns.begin(), columns.end(), configuration(row)) == columns.end())
      columns.push_back(configuration(row));
    width = std::max(width, row.op.size());
  }
  std::sort(columns.begin(), columns.end(), configuration_before);
  std::vector<size_t> widths;
  std::string header = fmt::format("{:<{}}", "operator", width);
  for (const std::string &column : columns) {
    widths.push_back(std::max<size_t>(column.size(), 10));
    header += fmt::format("  {:<{}}", column, widths.back());
  }
  out << header << '\n';
  size_t conforming = 0, ops = 0;
  for (size_t i = 0; i < rows.size();) {
    const std::string &op = rows[i].op;
    std::map<std::string, std::string> cells;
    bool all = true;
    for (; i < rows.size() && rows[i].op == op; ++i) {
      cells[configuration(rows[i])] = cell(rows[i]);
      all = all && rows[i].conforms();
    }
    std::string line = fmt::format("{:<{}}", op, width);
    for (size_t c = 0; c < columns.size(); ++c) {
      auto found = cells.find(columns[c]);
      line += fmt::format("  {:<{}}", found == cells.end() ? "-" : found->second, widths[c]);
    }
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    out << line << '\n';
    ++ops;
    conforming += all;
  }
  out << fmt::format("{} of {} operators conform in every configuration\n", conforming, ops);
}

nlohmann::json conformance_json(const std::vector<ConformanceRow> &rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const ConformanceRow &row : rows)
    out.push_back({{"operator", row.op},
                   {"granularity", row.granularity},
                   {"dtype", row.dtype},
                   {"cases", row.cases},
                   {"failing_cases", row.failing_cases},
                   {"passed", row.passed},
                   {"failed", row.failed},
                   {"skipped", row.skipped},
                   {"conforms", row.conforms()}});
  return out;
}

} // namespace qgold::harness
