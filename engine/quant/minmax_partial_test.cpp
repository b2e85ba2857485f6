#include "quant/minmax_partial.h"

#include "format/model_file.h"
#include "ir/error.h"
#include "quant/test_models.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>
#include <string>

namespace qgold::quant {
namespace {

using Mode = RecordMinMaxOptions::Mode;
using testing::MemoryDataset;

std::vector<std::vector<float>> pseudo_random_records(size_t count) {
  std::vector<std::vector<float>> records(count, std::vector<float>(24));
  uint32_t state = 99;
  for (auto &record : records)
    for (auto &value : record) {
      state = state * 1664525u + 1013904223u;
      value = static_cast<float>(state >> 8) / static_cast<float>(1u << 24) * 4.0f - 2.0f;
    }
  return records;
}

const Sha256 kModelHash = sha256(std::vector<uint8_t>{1, 2, 3});

MinMaxPartial record_shard(const std::vector<std::vector<float>> &records, data::Shard shard,
                           const RecordMinMaxOptions &options) {
  const ir::Model model = testing::conv2d_004();
  data::ShardReader reader(std::make_unique<MemoryDataset>(records), shard);
  MinMaxPartial partial;
  partial.model_sha256 = kModelHash;
  partial.dataset = "/data/set.h5";
  partial.dataset_records = reader.dataset_records();
  partial.shard = shard;
  partial.block = reader.block();
  partial.options = options;
  partial.ranges = record_ranges(model, reader, options);
  return partial;
}

std::vector<NamedPartial> record_shards(const std::vector<std::vector<float>> &records, size_t count,
                                        const RecordMinMaxOptions &options) {
  std::vector<NamedPartial> parts;
  for (size_t index = 0; index < count; ++index) {
    // Through the file layout, so that the test covers what a merge reads.
    const std::string bytes = encode_minmax_partial(record_shard(records, {index, count}, options));
    const std::string name = "shard-" + std::to_string(index) + ".part";
    parts.push_back({name, decode_minmax_partial({reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size()},
                                                 name)});
  }
  return parts;
}

std::vector<uint8_t> model_bytes(const ir::Model &model) {
  return format::serialize(model, format::FileFormat::Circle);
}

HashedModel hashed_model() { return {testing::conv2d_004(), kModelHash}; }

std::string merge_error(const std::vector<NamedPartial> &parts, const HashedModel &model = hashed_model()) {
  try {
    merge_minmax_partials(model, "m.circle", parts);
  } catch (const InputError &error) {
    return error.what();
  }
  return "<no InputError thrown>";
}

#define EXPECT_CONTAINS(message, part)                                                             \
  EXPECT_NE(std::string(message).find(part), std::string::npos) << "message: " << (message)

// 23 records: 7 shards hold 3 or 4 records, so blocks are uneven and moving-
// average batches of 4 straddle shard boundaries; 30 shards leave some empty.
TEST(MinMaxPartial, MergedShardsEqualOneRunBitForBit) {
  auto records = pseudo_random_records(23);
  for (bool skip : {false, true}) {
    if (skip) { // records 5 and 17 are left out, by the single run and by their shards alike
      records[5][3] = std::numeric_limits<float>::quiet_NaN();
      records[17][0] = std::numeric_limits<float>::infinity();
    }
    for (Mode mode : {Mode::Percentile, Mode::MovingAverage, Mode::MinMax})
      for (auto backend : {RecordMinMaxOptions::Backend::Fast, RecordMinMaxOptions::Backend::Reference}) {
        RecordMinMaxOptions options;
        options.mode = mode;
        options.moving_avg_batch = 4;
        options.min_percentile = 3.5f;
        options.backend = backend;
        options.skip_nonfinite = skip;
        ir::Model single = testing::conv2d_004();
        MemoryDataset dataset(records);
        record_minmax(single, dataset, options);
        const auto expected = model_bytes(single);
        for (size_t count : {1u, 2u, 3u, 7u, 30u}) {
          const MergedRanges merged = merge_minmax_partials(hashed_model(), "m.circle",
                                                            record_shards(records, count, options));
          EXPECT_EQ(merged.skipped, skip ? 2u : 0u);
          ir::Model model = testing::conv2d_004();
          apply_ranges(model, merged.ranges, merged.options);
          EXPECT_EQ(model_bytes(model), expected)
              << count << " shards, mode " << static_cast<int>(mode) << ", skip " << skip;
        }
      }
  }
}

// Guards the comparison above: another record order gives another model.
TEST(MinMaxPartial, RecordOrderChangesTheMovingAverage) {
  const auto records = pseudo_random_records(23);
  RecordMinMaxOptions options;
  options.mode = Mode::MovingAverage;
  options.moving_avg_batch = 4;
  auto parts = record_shards(records, 3, options);
  MergedRanges merged = merge_minmax_partials(hashed_model(), "m.circle", parts);
  ir::Model in_order = testing::conv2d_004();
  apply_ranges(in_order, merged.ranges, options);
  std::swap(merged.ranges.records[0], merged.ranges.records[22]);
  ir::Model swapped = testing::conv2d_004();
  apply_ranges(swapped, merged.ranges, options);
  EXPECT_NE(model_bytes(in_order), model_bytes(swapped));
}

TEST(MinMaxPartial, RoundTripsEveryField) {
  RecordMinMaxOptions options;
  options.mode = Mode::MovingAverage;
  options.min_percentile = 0.25f;
  options.max_percentile = 97.0f;
  options.moving_avg_batch = 3;
  options.moving_avg_const = 0.2f;
  options.backend = RecordMinMaxOptions::Backend::Reference;
  options.skip_nonfinite = true;
  const MinMaxPartial written = record_shard(pseudo_random_records(10), {1, 3}, options);
  const std::string bytes = encode_minmax_partial(written);
  // header, path, 2 tensor indices, 3 records x 2 tensors x 8 bytes, checksum
  EXPECT_EQ(bytes.size(), 136u + written.dataset.size() + 2 * 4 + 3 * 2 * 8 + 32);
  const MinMaxPartial read =
      decode_minmax_partial({reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size()}, "p");
  EXPECT_EQ(read.model_sha256, kModelHash);
  EXPECT_EQ(read.dataset, "/data/set.h5");
  EXPECT_EQ(read.dataset_records, 10u);
  EXPECT_EQ(read.shard.index, 1u);
  EXPECT_EQ(read.shard.count, 3u);
  EXPECT_EQ(read.block.begin, 3u);
  EXPECT_EQ(read.block.end, 6u);
  EXPECT_EQ(read.options.mode, Mode::MovingAverage);
  EXPECT_EQ(read.options.min_percentile, 0.25f);
  EXPECT_EQ(read.options.max_percentile, 97.0f);
  EXPECT_EQ(read.options.moving_avg_batch, 3u);
  EXPECT_EQ(read.options.moving_avg_const, 0.2f);
  EXPECT_EQ(read.options.backend, RecordMinMaxOptions::Backend::Reference);
  EXPECT_TRUE(read.options.skip_nonfinite);
  EXPECT_EQ(read.ranges.tensors, written.ranges.tensors);
  ASSERT_EQ(read.ranges.records.size(), 3u);
  for (size_t r = 0; r < 3; ++r)
    for (size_t t = 0; t < 2; ++t) {
      EXPECT_EQ(read.ranges.records[r][t].min, written.ranges.records[r][t].min);
      EXPECT_EQ(read.ranges.records[r][t].max, written.ranges.records[r][t].max);
    }
}

std::string decode_error(const std::string &bytes) {
  try {
    decode_minmax_partial({reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size()}, "p.part");
  } catch (const InputError &error) {
    return error.what();
  }
  return "<no InputError thrown>";
}

TEST(MinMaxPartial, EveryTruncationAndEveryFlippedByteIsAnInputError) {
  const std::string bytes = encode_minmax_partial(record_shard(pseudo_random_records(5), {0, 2}, {}));
  for (size_t size = 0; size < bytes.size(); ++size)
    EXPECT_EQ(decode_error(bytes.substr(0, size)).rfind("p.part: ", 0), 0u) << size;
  EXPECT_CONTAINS(decode_error(bytes.substr(0, bytes.size() - 1)),
                  fmt::format("truncated: {} bytes, the header says {}", bytes.size() - 1, bytes.size()));
  EXPECT_CONTAINS(decode_error(bytes + "x"), "trailing bytes");
  for (size_t at = 0; at < bytes.size(); ++at) {
    std::string flipped = bytes;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x10);
    EXPECT_EQ(decode_error(flipped).rfind("p.part: ", 0), 0u) << at;
  }
  std::string body = bytes;
  body[200] ^= 1;
  EXPECT_EQ(decode_error(body), "p.part: checksum mismatch: the partial is corrupt");
  EXPECT_EQ(decode_error("not a partial at all"),
            "p.part: not a qgold min/max partial (it does not start with \"QGMINMAX\")");
  std::string version = bytes;
  version[8] = 2;
  EXPECT_EQ(decode_error(version), "p.part: partial format version 2; this qgold reads version 1");
}

// Well-formed files (the checksum matches) whose fields contradict each other.
TEST(MinMaxPartial, RejectsInconsistentFields) {
  const MinMaxPartial good = record_shard(pseudo_random_records(5), {0, 2}, {});
  MinMaxPartial bad = good;
  bad.block.end = 3;
  EXPECT_EQ(decode_error(encode_minmax_partial(bad)),
            "p.part: shard 0/2 (records [0, 3)) of 5 records should hold records [0, 2)");
  bad = good;
  bad.shard = {2, 2};
  EXPECT_CONTAINS(decode_error(encode_minmax_partial(bad)), "the index must be below the shard count");
  bad = good;
  bad.options.min_percentile = 120.0f;
  EXPECT_CONTAINS(decode_error(encode_minmax_partial(bad)), "p.part: record-minmax: min percentile 120");
  bad = good;
  bad.block = {0, 1};
  bad.dataset_records = 2; // 2 records recorded in a block of 1
  EXPECT_EQ(decode_error(encode_minmax_partial(bad)), "p.part: 2 records recorded in a block of 1");
}

TEST(MinMaxPartial, MergeRefusesPartsOfAnotherModelDatasetSplitOrOptions) {
  const auto records = pseudo_random_records(9);
  const auto parts = record_shards(records, 3, {});
  ASSERT_EQ(merge_error(parts), "<no InputError thrown>");

  HashedModel other = hashed_model();
  other.sha256[0] ^= 1;
  EXPECT_CONTAINS(merge_error(parts, other), "shard-0.part: recorded from a model with SHA-256 " +
                                                 to_hex(kModelHash) + ", but m.circle has SHA-256 " +
                                                 to_hex(other.sha256));
  other = hashed_model();
  other.model.operators.clear(); // records fewer tensors
  EXPECT_CONTAINS(merge_error(parts, other), "shard-0.part: records 2 tensors of m.circle, this qgold records 1");

  auto mixed = parts;
  mixed[1].partial.dataset = "/data/other.h5";
  EXPECT_CONTAINS(merge_error(mixed), "shard-1.part: recorded from /data/other.h5 (9 records), but shard-0.part");

  RecordMinMaxOptions minmax;
  minmax.mode = Mode::MinMax;
  mixed = parts;
  mixed[2] = record_shards(records, 3, minmax)[2];
  EXPECT_EQ(merge_error(mixed),
            "shard-2.part: recorded with --mode minmax, but shard-0.part with --mode percentile");

  mixed = parts;
  mixed[2] = record_shards(records, 4, {})[3];
  EXPECT_EQ(merge_error(mixed), "shard-3.part: is shard 3/4, but shard-0.part is shard 0/3: parts of different splits");
}

TEST(MinMaxPartial, MergeNeedsEveryShardExactlyOnce) {
  const auto parts = record_shards(pseudo_random_records(9), 3, {});
  EXPECT_EQ(merge_error({parts[0], parts[2]}),
            "merge-minmax: no part holds shard 1/3 (records [3, 6) of /data/set.h5)");
  EXPECT_EQ(merge_error({parts[0], parts[1], parts[2], parts[1]}),
            "shard-1.part: is shard 1/3 (records [3, 6)), and so is shard-1.part");
  EXPECT_EQ(merge_error({}), "merge-minmax: no partials given");
  // Parts given in any order merge in shard order.
  const MergedRanges forward = merge_minmax_partials(hashed_model(), "m", parts);
  const MergedRanges backward = merge_minmax_partials(hashed_model(), "m", {parts[2], parts[0], parts[1]});
  ASSERT_EQ(forward.ranges.records.size(), 9u);
  for (size_t r = 0; r < 9; ++r)
    EXPECT_EQ(forward.ranges.records[r][0].min, backward.ranges.records[r][0].min);
}

TEST(MinMaxPartial, NoRecordsAtAllIsTheSingleRunsError) {
  auto records = pseudo_random_records(2);
  records[0][0] = records[1][0] = std::numeric_limits<float>::quiet_NaN();
  RecordMinMaxOptions options;
  options.skip_nonfinite = true;
  const MergedRanges merged = merge_minmax_partials(hashed_model(), "m", record_shards(records, 2, options));
  EXPECT_EQ(merged.skipped, 2u);
  ir::Model model = testing::conv2d_004();
  EXPECT_THROW(apply_ranges(model, merged.ranges, merged.options), InputError);
}

TEST(MinMaxPartial, Sha256OfKnownInput) {
  const std::string abc = "abc";
  EXPECT_EQ(to_hex(sha256({reinterpret_cast<const uint8_t *>(abc.data()), abc.size()})),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

} // namespace
} // namespace qgold::quant
