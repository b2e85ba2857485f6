#pragma once

// record-minmax --shard K/N --partial FILE: one shard of a calibration split
// across processes or cluster jobs (docs/scale-out.md); merge-minmax joins them.

#include "quant/quant.h"

#include <string>

namespace qgold::cli {

// Records the ranges of shard `shard` ("K/N") of `data` and writes them to `partial`.
int run_record_minmax_shard(const std::string &model, const std::string &data, const std::string &shard,
                            const std::string &partial, const quant::RecordMinMaxOptions &options);

} // namespace qgold::cli
