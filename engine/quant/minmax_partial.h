#pragma once

// Record-minmax split into shards (docs/scale-out.md): each shard observes the
// records of its block of the dataset and keeps every per-record range in a
// partial file; merging the partials of all shards and reducing them gives
// the model one record-minmax run over the whole dataset would, bit for bit,
// because every mode is a function of the per-record ranges in record order.

#include "data/dataset.h"
#include "ir/model.h"
#include "quant/quant.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace qgold::quant {

using Sha256 = std::array<uint8_t, 32>;
Sha256 sha256(std::span<const uint8_t> bytes);
std::string to_hex(const Sha256 &digest);

// A model file and the SHA-256 of its bytes (what `sha256sum` prints), which
// ties partials to the model they were recorded from.
struct HashedModel {
  ir::Model model;
  Sha256 sha256{};
};
HashedModel read_hashed_model(const std::filesystem::path &path);

// The version of the partial file layout this qgold writes and reads.
inline constexpr uint32_t kMinMaxPartialVersion = 1;

// One shard's result. Of the options, only those that change the calibrated
// model are kept: mode, percentiles, moving-average batch and constant,
// backend and skip_nonfinite.
struct MinMaxPartial {
  Sha256 model_sha256{};
  std::string dataset; // the dataset's absolute path
  uint64_t dataset_records = 0;
  data::Shard shard;
  data::RecordBlock block;
  RecordMinMaxOptions options;
  RecordedRanges ranges; // the block's records, less those skip_nonfinite left out
};

// The file layout of docs/scale-out.md: a fixed header, the dataset path, the
// tensors, the ranges, and a SHA-256 of everything before it.
std::string encode_minmax_partial(const MinMaxPartial &partial);
// Anything but a whole, intact partial of version kMinMaxPartialVersion is an
// InputError starting with `origin`.
MinMaxPartial decode_minmax_partial(std::span<const uint8_t> bytes, const std::string &origin);

void write_minmax_partial(const std::filesystem::path &path, const MinMaxPartial &partial);
MinMaxPartial read_minmax_partial(const std::filesystem::path &path);

struct NamedPartial {
  std::string file; // for messages
  MinMaxPartial partial;
};
struct MergedRanges {
  RecordedRanges ranges;       // every recorded record of the dataset, in record order
  RecordMinMaxOptions options; // the parts' options
  uint64_t skipped = 0;        // records skip_nonfinite left out
};
// Checks that the parts were recorded from `model` (its hash, and the tensors
// this qgold records), name one dataset and one split into N shards, use the
// same options, and hold each shard 0..N-1 exactly once; then joins them.
// Otherwise an InputError naming the part (and `model_file` where it matters).
MergedRanges merge_minmax_partials(const HashedModel &model, const std::string &model_file,
                                   const std::vector<NamedPartial> &parts);

} // namespace qgold::quant
