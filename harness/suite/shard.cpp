#include "harness/suite/shard.h"

#include "quant/minmax_partial.h"

#include <cstdint>
#include <span>

namespace qgold::harness {

size_t case_shard(std::string_view id, size_t count) {
  const quant::Sha256 digest =
      quant::sha256(std::span(reinterpret_cast<const uint8_t *>(id.data()), id.size()));
  uint64_t h = 0;
  for (size_t i = 0; i < 8; ++i)
    h = h << 8 | digest[i];
  return static_cast<size_t>(h % count);
}

nlohmann::json shard_json(const ShardInfo &info) {
  return {{"index", info.shard.index},
          {"count", info.shard.count},
          {"cases", info.cases},
          {"backend", info.backend}};
}

} // namespace qgold::harness
