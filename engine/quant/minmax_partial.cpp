// The partial file of a record-minmax shard and the merge of all shards.
// Layout (little-endian; docs/scale-out.md has the table):
//   magic "QGMINMAX", u32 version, u64 file size, model SHA-256,
//   u64 dataset records, shard index, shard count, block begin, block end,
//   records recorded R; u32 mode, f32 min/max percentile, u32 moving-average
//   batch, f32 constant, u32 backend, u32 skip_nonfinite; u32 tensor count S,
//   u32 path length L; the path; S x i32 tensor index; R x S x (f32 min,
//   f32 max), record-major; SHA-256 of all the bytes before it.
// The float ranges are stored as their bit patterns, so a merge reduces
// exactly the values a single run would.

#include "quant/minmax_partial.h"

#include "format/model_file.h"
#include "format/output_file.h"
#include "ir/error.h"

#include <openssl/evp.h>

#include <bit>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <utility>

namespace qgold::quant {
namespace {

constexpr char kMagic[8] = {'Q', 'G', 'M', 'I', 'N', 'M', 'A', 'X'};
constexpr size_t kFixedHeader = 136; // up to the dataset path
constexpr size_t kDigestSize = std::tuple_size_v<Sha256>;

class Writer {
public:
  void bytes(const void *data, size_t size) { out_.append(static_cast<const char *>(data), size); }
  template <typename T> void integer(T value) {
    for (size_t i = 0; i < sizeof(T); ++i)
      out_ += static_cast<char>((static_cast<uint64_t>(value) >> (8 * i)) & 0xff);
  }
  void real(float value) { integer(std::bit_cast<uint32_t>(value)); }
  std::string &text() { return out_; }

private:
  std::string out_;
};

// Reads fields in order; running past the end is an InputError naming the field.
class Reader {
public:
  Reader(std::span<const uint8_t> bytes, const std::string &origin) : bytes_(bytes), origin_(origin) {}

  std::span<const uint8_t> bytes(size_t size, const char *field) {
    if (size > bytes_.size() - at_)
      throw InputError(fmt::format("{}: {} runs past the end of the partial (offset {})", origin_, field, at_));
    const auto span = bytes_.subspan(at_, size);
    at_ += size;
    return span;
  }
  template <typename T> T integer(const char *field) {
    uint64_t value = 0;
    const auto span = bytes(sizeof(T), field);
    for (size_t i = 0; i < sizeof(T); ++i)
      value |= static_cast<uint64_t>(span[i]) << (8 * i);
    return static_cast<T>(value);
  }
  float real(const char *field) { return std::bit_cast<float>(integer<uint32_t>(field)); }
  size_t remaining() const { return bytes_.size() - at_; }

private:
  std::span<const uint8_t> bytes_;
  const std::string &origin_;
  size_t at_ = 0;
};

const char *mode_name(RecordMinMaxOptions::Mode mode) {
  switch (mode) {
  case RecordMinMaxOptions::Mode::Percentile:
    return "percentile";
  case RecordMinMaxOptions::Mode::MovingAverage:
    return "moving_average";
  case RecordMinMaxOptions::Mode::MinMax:
    return "minmax";
  }
  return "?";
}

// The kept options as the command line spells them; two partials agree when
// these strings do ({} prints the shortest text that reads back as the same float).
std::vector<std::pair<std::string, std::string>> kept_options(const RecordMinMaxOptions &options) {
  return {{"--mode", mode_name(options.mode)},
          {"--min-percentile", fmt::format("{}", options.min_percentile)},
          {"--max-percentile", fmt::format("{}", options.max_percentile)},
          {"--moving-avg-batch", fmt::format("{}", options.moving_avg_batch)},
          {"--moving-avg-const", fmt::format("{}", options.moving_avg_const)},
          {"--backend", options.backend == RecordMinMaxOptions::Backend::Fast ? "fast" : "reference"},
          {"--skip-nonfinite", options.skip_nonfinite ? "on" : "off"}};
}

std::string shard_text(const MinMaxPartial &partial) {
  return fmt::format("shard {}/{} (records [{}, {}))", partial.shard.index, partial.shard.count,
                     partial.block.begin, partial.block.end);
}

RecordMinMaxOptions decode_options(Reader &in, const std::string &origin) {
  RecordMinMaxOptions options;
  const auto mode = in.integer<uint32_t>("the mode");
  if (mode > 2)
    throw InputError(fmt::format("{}: mode {} is not 0 (percentile), 1 (moving_average) or 2 (minmax)", origin, mode));
  options.mode = static_cast<RecordMinMaxOptions::Mode>(mode);
  options.min_percentile = in.real("the min percentile");
  options.max_percentile = in.real("the max percentile");
  options.moving_avg_batch = in.integer<uint32_t>("the moving-average batch");
  options.moving_avg_const = in.real("the moving-average constant");
  const auto backend = in.integer<uint32_t>("the backend");
  const auto skip = in.integer<uint32_t>("the skip-nonfinite flag");
  if (backend > 1 || skip > 1)
    throw InputError(
        fmt::format("{}: backend {} and skip-nonfinite flag {} must each be 0 or 1", origin, backend, skip));
  options.backend = backend == 0 ? RecordMinMaxOptions::Backend::Fast : RecordMinMaxOptions::Backend::Reference;
  options.skip_nonfinite = skip == 1;
  try {
    options.validate();
  } catch (const InputError &error) {
    throw InputError(fmt::format("{}: {}", origin, error.what()));
  }
  return options;
}

std::vector<uint8_t> read_bytes(const std::filesystem::path &path, const char *what) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError(fmt::format("{}: cannot open {}: {}", path.string(), what, std::strerror(errno)));
  std::vector<uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad())
    throw InputError(fmt::format("{}: cannot read {}: {}", path.string(), what, std::strerror(errno)));
  return bytes;
}

} // namespace

Sha256 sha256(std::span<const uint8_t> bytes) {
  Sha256 digest{};
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1 ||
      size != digest.size())
    throw std::runtime_error("OpenSSL could not compute a SHA-256");
  return digest;
}

std::string to_hex(const Sha256 &digest) {
  std::string text;
  for (uint8_t byte : digest)
    text += fmt::format("{:02x}", byte);
  return text;
}

HashedModel read_hashed_model(const std::filesystem::path &path) {
  const std::vector<uint8_t> bytes = read_bytes(path, "model file");
  return {format::deserialize(bytes, path.string()), sha256(bytes)};
}

std::string encode_minmax_partial(const MinMaxPartial &partial) {
  const RecordedRanges &ranges = partial.ranges;
  Writer out;
  out.bytes(kMagic, sizeof kMagic);
  out.integer<uint32_t>(kMinMaxPartialVersion);
  const size_t total = kFixedHeader + partial.dataset.size() + 4 * ranges.tensors.size() +
                       8 * ranges.tensors.size() * ranges.records.size() + kDigestSize;
  out.integer<uint64_t>(total);
  out.bytes(partial.model_sha256.data(), partial.model_sha256.size());
  for (uint64_t value : {partial.dataset_records, uint64_t{partial.shard.index}, uint64_t{partial.shard.count},
                         uint64_t{partial.block.begin}, uint64_t{partial.block.end}, uint64_t{ranges.records.size()}})
    out.integer<uint64_t>(value);
  const RecordMinMaxOptions &options = partial.options;
  out.integer<uint32_t>(static_cast<uint32_t>(options.mode));
  out.real(options.min_percentile);
  out.real(options.max_percentile);
  out.integer<uint32_t>(options.moving_avg_batch);
  out.real(options.moving_avg_const);
  out.integer<uint32_t>(options.backend == RecordMinMaxOptions::Backend::Fast ? 0 : 1);
  out.integer<uint32_t>(options.skip_nonfinite ? 1 : 0);
  out.integer<uint32_t>(static_cast<uint32_t>(ranges.tensors.size()));
  out.integer<uint32_t>(static_cast<uint32_t>(partial.dataset.size()));
  out.bytes(partial.dataset.data(), partial.dataset.size());
  for (int32_t tensor : ranges.tensors)
    out.integer<int32_t>(tensor);
  for (const auto &record : ranges.records) {
    if (record.size() != ranges.tensors.size())
      throw std::logic_error("a record's ranges do not match the recorded tensors");
    for (const MinMax &range : record) {
      out.real(range.min);
      out.real(range.max);
    }
  }
  const auto &body = out.text();
  const Sha256 digest = sha256({reinterpret_cast<const uint8_t *>(body.data()), body.size()});
  out.bytes(digest.data(), digest.size());
  return std::move(out.text());
}

MinMaxPartial decode_minmax_partial(std::span<const uint8_t> bytes, const std::string &origin) {
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    throw InputError(fmt::format("{}: not a qgold min/max partial (it does not start with \"QGMINMAX\")", origin));
  Reader in(bytes, origin);
  in.bytes(sizeof kMagic, "the magic");
  const auto version = in.integer<uint32_t>("the format version");
  if (version != kMinMaxPartialVersion)
    throw InputError(fmt::format("{}: partial format version {}; this qgold reads version {}", origin, version,
                                 kMinMaxPartialVersion));
  const auto total = in.integer<uint64_t>("the file size");
  if (total != bytes.size())
    throw InputError(fmt::format("{}: {}: {} bytes, the header says {}", origin,
                                 bytes.size() < total ? "truncated" : "trailing bytes", bytes.size(), total));
  if (bytes.size() < kFixedHeader + kDigestSize)
    throw InputError(fmt::format("{}: {} bytes is too short for a partial", origin, bytes.size()));
  const auto body = bytes.first(bytes.size() - kDigestSize);
  const Sha256 digest = sha256(body);
  if (std::memcmp(digest.data(), body.data() + body.size(), kDigestSize) != 0)
    throw InputError(fmt::format("{}: checksum mismatch: the partial is corrupt", origin));

  Reader fields(body, origin);
  fields.bytes(20, "the header");
  MinMaxPartial partial;
  const auto hash = fields.bytes(kDigestSize, "the model SHA-256");
  std::copy(hash.begin(), hash.end(), partial.model_sha256.begin());
  partial.dataset_records = fields.integer<uint64_t>("the dataset record count");
  partial.shard.index = fields.integer<uint64_t>("the shard index");
  partial.shard.count = fields.integer<uint64_t>("the shard count");
  partial.block.begin = fields.integer<uint64_t>("the block begin");
  partial.block.end = fields.integer<uint64_t>("the block end");
  const auto recorded = fields.integer<uint64_t>("the recorded record count");
  partial.options = decode_options(fields, origin);
  const auto tensors = fields.integer<uint32_t>("the tensor count");
  const auto path_size = fields.integer<uint32_t>("the dataset path length");

  if (partial.shard.count == 0 || partial.shard.index >= partial.shard.count)
    throw InputError(fmt::format("{}: shard {}/{}: the index must be below the shard count", origin,
                                 partial.shard.index, partial.shard.count));
  const data::RecordBlock block = data::shard_block(partial.dataset_records, partial.shard);
  if (block.begin != partial.block.begin || block.end != partial.block.end)
    throw InputError(fmt::format("{}: {} of {} records should hold records [{}, {})", origin, shard_text(partial),
                                 partial.dataset_records, block.begin, block.end));
  if (recorded > block.size())
    throw InputError(fmt::format("{}: {} records recorded in a block of {}", origin, recorded, block.size()));

  const auto path = fields.bytes(path_size, "the dataset path");
  partial.dataset.assign(path.begin(), path.end());
  if (tensors == 0)
    throw InputError(fmt::format("{}: records no tensors", origin));
  for (uint32_t i = 0; i < tensors; ++i)
    partial.ranges.tensors.push_back(fields.integer<int32_t>("the tensor indices"));
  // The first test keeps the product in the second from wrapping.
  if (fields.remaining() / 8 / tensors < recorded || fields.remaining() != 8 * tensors * recorded)
    throw InputError(fmt::format("{}: holds {} bytes of ranges, {} records of {} tensors take {}", origin,
                                 fields.remaining(), recorded, tensors, 8 * tensors * recorded));
  partial.ranges.records.assign(recorded, std::vector<MinMax>(tensors));
  for (auto &record : partial.ranges.records)
    for (MinMax &range : record) {
      range.min = fields.real("the ranges");
      range.max = fields.real("the ranges");
    }
  return partial;
}

void write_minmax_partial(const std::filesystem::path &path, const MinMaxPartial &partial) {
  format::write_output_file(path, encode_minmax_partial(partial));
}

MinMaxPartial read_minmax_partial(const std::filesystem::path &path) {
  return decode_minmax_partial(read_bytes(path, "partial"), path.string());
}

MergedRanges merge_minmax_partials(const HashedModel &model, const std::string &model_file,
                                   const std::vector<NamedPartial> &parts) {
  if (parts.empty())
    throw InputError("merge-minmax: no partials given");
  const std::vector<int32_t> tensors = recorded_tensor_indices(model.model);
  const NamedPartial &first = parts.front();
  const auto first_options = kept_options(first.partial.options);
  std::map<size_t, const NamedPartial *> by_shard;
  for (const NamedPartial &part : parts) {
    const MinMaxPartial &partial = part.partial;
    if (partial.model_sha256 != model.sha256)
      throw InputError(fmt::format("{}: recorded from a model with SHA-256 {}, but {} has SHA-256 {}", part.file,
                                   to_hex(partial.model_sha256), model_file, to_hex(model.sha256)));
    if (partial.ranges.tensors != tensors)
      throw InputError(fmt::format("{}: records {} tensors of {}, this qgold records {}; record and merge with "
                                   "the same qgold",
                                   part.file, partial.ranges.tensors.size(), model_file, tensors.size()));
    if (partial.dataset != first.partial.dataset || partial.dataset_records != first.partial.dataset_records)
      throw InputError(fmt::format("{}: recorded from {} ({} records), but {} from {} ({} records)", part.file,
                                   partial.dataset, partial.dataset_records, first.file, first.partial.dataset,
                                   first.partial.dataset_records));
    if (partial.shard.count != first.partial.shard.count)
      throw InputError(fmt::format("{}: is shard {}/{}, but {} is shard {}/{}: parts of different splits",
                                   part.file, partial.shard.index, partial.shard.count, first.file,
                                   first.partial.shard.index, first.partial.shard.count));
    const auto options = kept_options(partial.options);
    for (size_t i = 0; i < options.size(); ++i)
      if (options[i] != first_options[i])
        throw InputError(fmt::format("{}: recorded with {} {}, but {} with {} {}", part.file, options[i].first,
                                     options[i].second, first.file, first_options[i].first,
                                     first_options[i].second));
    const auto [slot, added] = by_shard.emplace(partial.shard.index, &part);
    if (!added)
      throw InputError(fmt::format("{}: is {}, and so is {}", part.file, shard_text(partial), slot->second->file));
  }
  MergedRanges merged;
  merged.options = first.partial.options;
  merged.ranges.tensors = tensors;
  // Shards in index order; with fewer parts than shards the loop stops at the first gap.
  const size_t count = first.partial.shard.count;
  for (size_t index = 0; index < count; ++index) {
    const auto found = by_shard.find(index);
    if (found == by_shard.end()) {
      const data::RecordBlock block = data::shard_block(first.partial.dataset_records, {index, count});
      throw InputError(fmt::format("merge-minmax: no part holds shard {}/{} (records [{}, {}) of {})", index,
                                   count, block.begin, block.end, first.partial.dataset));
    }
    const MinMaxPartial &partial = found->second->partial;
    merged.skipped += partial.block.size() - partial.ranges.records.size();
    merged.ranges.records.insert(merged.ranges.records.end(), partial.ranges.records.begin(),
                                 partial.ranges.records.end());
  }
  return merged;
}

} // namespace qgold::quant
