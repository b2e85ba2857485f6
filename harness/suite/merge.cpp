#include "harness/suite/merge.h"

#include "harness/golden/tolerances.h"
#include "harness/suite/report_read.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <sstream>

namespace qgold::harness {

namespace {

using nlohmann::json;

ShardInfo read_shard_info(const json &report, const std::string &file) {
  auto bad = [&](const std::string &what) {
    return InputError(fmt::format("{}: shard: {}", file, what));
  };
  if (!report.is_object() || !report.contains("shard"))
    throw InputError(fmt::format("{}: not a shard's report (no 'shard' key): write the parts with "
                                 "qgold verify --shard K/N --json FILE",
                                 file));
  const json &shard = report["shard"];
  if (!shard.is_object())
    throw bad("expected an object");
  ShardInfo info;
  for (const char *key : {"index", "count"})
    if (!shard.contains(key) || !shard[key].is_number_unsigned())
      throw bad(fmt::format("expected a count for '{}'", key));
  info.shard.index = shard["index"].get<size_t>();
  info.shard.count = shard["count"].get<size_t>();
  if (info.shard.index >= info.shard.count)
    throw bad(fmt::format("index {} is not below count {}", info.shard.index, info.shard.count));
  if (!shard.contains("backend") || !shard["backend"].is_string())
    throw bad("expected a string for 'backend'");
  info.backend = shard["backend"].get<std::string>();
  if (!shard.contains("cases") || !shard["cases"].is_array())
    throw bad("expected the array 'cases' of the run's case ids");
  for (const json &id : shard["cases"]) {
    if (!id.is_string())
      throw bad("expected strings in 'cases'");
    info.cases.push_back(id.get<std::string>());
  }
  return info;
}

std::string shard_name(const data::Shard &shard) {
  return fmt::format("{}/{}", shard.index, shard.count);
}

// Where `part` differs from `first` in what makes them one run; empty when nowhere.
std::string difference(const ReportPart &first, const ReportPart &part) {
  if (part.result.dir != first.result.dir)
    return fmt::format("suite {}, not {}", part.result.dir.string(), first.result.dir.string());
  if (tolerances_json(part.result.tolerances) != tolerances_json(first.result.tolerances))
    return fmt::format("tolerances {}, not {}", describe_tolerances(part.result.tolerances),
                       describe_tolerances(first.result.tolerances));
  if (part.shard.shard.count != first.shard.shard.count)
    return fmt::format("{} shards, not {}", part.shard.shard.count, first.shard.shard.count);
  if (part.shard.backend != first.shard.backend)
    return fmt::format("backend {}, not {}", part.shard.backend, first.shard.backend);
  if (part.shard.cases != first.shard.cases)
    return fmt::format("another case list ({} cases, not {})", part.shard.cases.size(),
                       first.shard.cases.size());
  return {};
}

} // namespace

ReportPart read_report_part(const std::filesystem::path &file) {
  ReportPart part;
  part.file = file.string();
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw InputError(fmt::format("{}: cannot open the report", part.file));
  std::stringstream text;
  text << in.rdbuf();
  json report;
  try {
    report = json::parse(text.str());
  } catch (const json::parse_error &error) {
    throw InputError(fmt::format("{}: not a JSON report (truncated or malformed): {}", part.file,
                                 error.what()));
  }
  part.shard = read_shard_info(report, part.file);
  part.result = read_report_json(report, part.file);
  std::map<std::string, size_t> position;
  for (size_t i = 0; i < part.shard.cases.size(); ++i)
    position.emplace(part.shard.cases[i], i);
  for (const CaseResult &c : part.result.cases) {
    if (!position.contains(c.name))
      throw InputError(fmt::format("{}: case {} is not in the run's case list", part.file, c.name));
    if (size_t shard = case_shard(c.name, part.shard.shard.count); shard != part.shard.shard.index)
      throw InputError(fmt::format("{}: case {} belongs to shard {}/{}, not to this report's {}",
                                   part.file, c.name, shard, part.shard.shard.count,
                                   shard_name(part.shard.shard)));
  }
  return part;
}

SuiteResult merge_report_parts(const std::vector<ReportPart> &parts) {
  if (parts.empty())
    throw InputError("no reports to merge");
  const ReportPart &first = parts.front();
  std::vector<const ReportPart *> by_shard(first.shard.shard.count, nullptr);
  std::map<std::string, const CaseResult *> results;
  for (const ReportPart &part : parts) {
    if (std::string diff = difference(first, part); !diff.empty())
      throw InputError(fmt::format("{}: not of the run of {}: {}", part.file, first.file, diff));
    const ReportPart *&slot = by_shard[part.shard.shard.index];
    if (slot)
      throw InputError(fmt::format("{}: shard {} again (also {})", part.file,
                                   shard_name(part.shard.shard), slot->file));
    slot = &part;
    for (const CaseResult &c : part.result.cases)
      if (!results.emplace(c.name, &c).second)
        throw InputError(fmt::format("{}: case {} twice", part.file, c.name));
  }
  for (size_t k = 0; k < by_shard.size(); ++k)
    if (!by_shard[k])
      throw InputError(fmt::format("shard {}/{} missing: give the reports of shards 0..{}, each "
                                   "once ({} given)",
                                   k, by_shard.size(), by_shard.size() - 1, parts.size()));
  SuiteResult merged;
  merged.dir = first.result.dir;
  merged.tolerances = first.result.tolerances;
  for (const std::string &id : first.shard.cases) {
    auto it = results.find(id);
    if (it == results.end()) {
      const ReportPart &owner = *by_shard[case_shard(id, by_shard.size())];
      throw InputError(fmt::format("{}: case {} of the run is missing from shard {}'s report",
                                   owner.file, id, shard_name(owner.shard.shard)));
    }
    merged.cases.push_back(*it->second);
  }
  return merged;
}

} // namespace qgold::harness
