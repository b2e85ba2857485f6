#pragma once

// Suite shards: verify --shard K/N and regen --shard K/N split a suite's cases
// between processes or cluster jobs (docs/scale-out.md#suite-shards), and
// merge-reports joins the shards' JSON reports into the unsharded run's.
//
// Case `id` belongs to shard  h mod N, where h is the first 8 bytes of the
// SHA-256 of the id ("Conv2D_001/channel/uint8") read as a big-endian integer.
// A case's shard depends on its id and N only: adding or removing cases moves
// no other case, every process computes the same split, and shards are as even
// as a random split (about n/N ± sqrt(n/N) cases each).

#include "data/dataset.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace qgold::harness {

size_t case_shard(std::string_view id, size_t count);

// The items whose id(item) belongs to `shard`, in their order.
template <typename T, typename Id>
std::vector<T> shard_items(const std::vector<T> &items, data::Shard shard, Id id) {
  std::vector<T> kept;
  for (const T &item : items)
    if (case_shard(id(item), shard.count) == shard.index)
      kept.push_back(item);
  return kept;
}

// What a shard's JSON report carries (its "shard" key) so that merge-reports
// can check that the parts are one run of one suite, split once, each shard
// present once: the shard, every case id the run selected (all shards), in
// order, and what ran the steps.
struct ShardInfo {
  data::Shard shard;
  std::vector<std::string> cases; // every selected case, the unsharded run's order
  std::string backend;            // "qgold" or the adapter file
};
nlohmann::json shard_json(const ShardInfo &info);

} // namespace qgold::harness
