#pragma once

// merge-reports: the JSON reports of verify --shard K/N joined into the
// report of the unsharded run (docs/scale-out.md#suite-shards).

#include "harness/suite/result.h"
#include "harness/suite/shard.h"

#include <filesystem>
#include <string>
#include <vector>

namespace qgold::harness {

// One shard's report as read from its file.
struct ReportPart {
  std::string file;
  SuiteResult result;
  ShardInfo shard;
};

// Reads a report verify --shard K/N --json wrote. Not a file, not JSON (a
// truncated file), not a verify report (report_read.h), a report without its
// "shard" key (an unsharded run), or a report holding a case that is not of
// its shard: an InputError naming the file.
ReportPart read_report_part(const std::filesystem::path &file);

// The unsharded run's result: the parts' cases in the order of the run's case
// list. The parts must be of one suite (root, tolerances, case list, backend)
// split once into N shards, each shard 0..N-1 there once, and every case of the
// list in its shard's report once; otherwise an InputError naming the file (or,
// for a missing shard, the shard).
SuiteResult merge_report_parts(const std::vector<ReportPart> &parts);

} // namespace qgold::harness
