#include "harness/suite/shard.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <set>

namespace qgold::harness {

namespace {
std::vector<std::string> ids(size_t count, size_t first = 0) {
  std::vector<std::string> out;
  for (size_t i = first; i < first + count; ++i)
    out.push_back(fmt::format("Op_{:03}/channel/uint8", i));
  return out;
}
std::string self(const std::string &id) { return id; }
} // namespace

// The documented rule, checked against `printf %s ID | sha256sum`: the first
// 16 hex digits as an integer, modulo N.
TEST(SuiteShard, FirstEightBytesOfTheSha256OfTheIdModuloN) {
  EXPECT_EQ(case_shard("Conv2D_001/channel/uint8", 3), 1u);
  EXPECT_EQ(case_shard("Conv2D_001/channel/uint8", 7), 0u);
  EXPECT_EQ(case_shard("Add_000/layer/int16", 3), 2u);
  EXPECT_EQ(case_shard("Add_000/layer/int16", 7), 5u);
  EXPECT_EQ(case_shard("Net_MobileNetV2_000/channel/uint8", 7), 2u);
  EXPECT_EQ(case_shard("anything", 1), 0u);
}

TEST(SuiteShard, ShardsPartitionTheCasesInOrder) {
  const std::vector<std::string> all = ids(200);
  for (size_t count : {1u, 2u, 3u, 7u, 250u}) {
    std::vector<std::string> joined;
    for (size_t k = 0; k < count; ++k) {
      std::vector<std::string> part = shard_items(all, {k, count}, self);
      EXPECT_TRUE(std::is_sorted(part.begin(), part.end())) << "order kept";
      joined.insert(joined.end(), part.begin(), part.end());
    }
    std::sort(joined.begin(), joined.end());
    EXPECT_EQ(joined, all) << "every case once, N = " << count;
  }
}

TEST(SuiteShard, AddingCasesMovesNoOtherCase) {
  const std::vector<std::string> before = ids(100), after = ids(130);
  for (size_t k = 0; k < 4; ++k) {
    std::vector<std::string> old_part = shard_items(before, {k, 4}, self);
    std::vector<std::string> new_part = shard_items(after, {k, 4}, self);
    std::set<std::string> kept(new_part.begin(), new_part.end());
    for (const std::string &id : old_part)
      EXPECT_TRUE(kept.contains(id)) << id << " left shard " << k;
  }
}

// As even as a random split: 1,000 cases in 4 shards, each within 3 standard
// deviations (sqrt(1000 * 1/4 * 3/4) = 13.7) of 250.
TEST(SuiteShard, BalancesLikeARandomSplit) {
  const std::vector<std::string> all = ids(1000);
  for (size_t k = 0; k < 4; ++k) {
    const size_t size = shard_items(all, {k, 4}, self).size();
    EXPECT_GT(size, 250u - 41u) << "shard " << k;
    EXPECT_LT(size, 250u + 41u) << "shard " << k;
  }
}

TEST(SuiteShard, JsonNamesTheShardTheCasesAndTheBackend) {
  nlohmann::json json = shard_json({{1, 3}, {"A/layer/uint8", "B/layer/uint8"}, "qgold"});
  EXPECT_EQ(json.dump(), R"({"backend":"qgold","cases":["A/layer/uint8","B/layer/uint8"],)"
                         R"("count":3,"index":1})");
}

} // namespace qgold::harness
