// Contiguous shards of a dataset (dataset.h), for calibration split across
// processes or cluster jobs: contiguous so that a shard reads one stretch of
// the dataset and the shards' per-record results concatenate in record order.

#include "data/dataset.h"

#include "ir/error.h"

#include <algorithm>
#include <string>

namespace qgold::data {

void DatasetReader::skip(size_t count) {
  Record dropped;
  for (size_t i = 0; i < count && next(dropped); ++i) {
  }
}

RecordBlock shard_block(size_t records, Shard shard) {
  if (shard.count == 0 || shard.index >= shard.count)
    throw InputError("shard " + std::to_string(shard.index) + "/" + std::to_string(shard.count) +
                     ": the index must be below the shard count");
  // 128 bits: records * index must not wrap.
  const auto bound = [&](size_t index) {
    return static_cast<size_t>(static_cast<unsigned __int128>(records) * index / shard.count);
  };
  return {bound(shard.index), bound(shard.index + 1)};
}

ShardReader::ShardReader(std::unique_ptr<DatasetReader> all, Shard shard) : all_(std::move(all)) {
  const std::optional<size_t> records = all_->size();
  if (!records)
    throw UnsupportedError("a dataset can be split into shards only when its record count is known");
  records_ = *records;
  block_ = shard_block(records_, shard);
  all_->skip(block_.begin);
}

bool ShardReader::next(Record &record) {
  if (read_ >= block_.size())
    return false;
  if (!all_->next(record))
    throw InputError("the dataset ended at record " + std::to_string(block_.begin + read_) + " of " +
                     std::to_string(records_) + " it announced");
  ++read_;
  return true;
}

void ShardReader::skip(size_t count) {
  count = std::min(count, block_.size() - read_);
  all_->skip(count);
  read_ += count;
}

} // namespace qgold::data
