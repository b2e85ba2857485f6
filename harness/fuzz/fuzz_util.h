#pragma once

// Shared by the libFuzzer targets: the one accepted failure is qgold::InputError
// (bad input, exit status 2). Anything else escaping a reader — another
// exception, a crash, a sanitizer report — is a finding.

#include "data/dataset.h"
#include "ir/error.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <span>
#include <string>
#include <unistd.h>
#include <vector>

namespace qgold::fuzz {

// Runs `body`; returns normally when it succeeds or throws InputError.
template <typename Body> void accept_input_errors(Body &&body) {
  try {
    body();
  } catch (const InputError &) {
  }
}

// Small limits so that a fuzzed shape cannot ask for more memory than
// libFuzzer's default -rss_limit_mb allows; the readers must refuse before allocating.
inline void set_fuzz_limits() { setenv("QGOLD_MAX_CONSTANT_BYTES", "67108864", 1); }

// A file in a per-process temporary folder holding the fuzz input; removed on destruction.
class TempFile {
public:
  TempFile(std::span<const uint8_t> bytes, const std::string &name) {
    auto dir = std::filesystem::temp_directory_path() / ("qgold-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    path_ = dir / name;
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
  }
  ~TempFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
    std::filesystem::remove(path_.parent_path(), ignored); // only once empty: the last file's turn
  }
  TempFile(const TempFile &) = delete;
  TempFile &operator=(const TempFile &) = delete;
  const std::filesystem::path &path() const { return path_; }

private:
  std::filesystem::path path_;
};

// Input specs decoded from the first bytes of a fuzz input so that the
// dataset readers are exercised with every dtype and a few ranks/shapes:
// byte 0 = input count (1..3) and rank (0..3); then per input one dtype byte
// and one byte per dim (1..8). Consumes what it reads from `bytes`.
inline std::vector<data::InputSpec> take_specs(std::span<const uint8_t> &bytes) {
  static constexpr ir::DType kDtypes[] = {ir::DType::Float32, ir::DType::UInt8, ir::DType::Int16,
                                          ir::DType::Int32,   ir::DType::Int64, ir::DType::Bool,
                                          ir::DType::Int8};
  auto take = [&bytes]() -> uint8_t {
    if (bytes.empty())
      return 0;
    uint8_t value = bytes.front();
    bytes = bytes.subspan(1);
    return value;
  };
  uint8_t header = take();
  size_t inputs = 1 + header % 3;
  size_t rank = (header / 3) % 4;
  std::vector<data::InputSpec> specs;
  for (size_t i = 0; i < inputs; ++i) {
    data::InputSpec spec;
    spec.name = "in" + std::to_string(i);
    spec.dtype = kDtypes[take() % std::size(kDtypes)];
    for (size_t d = 0; d < rank; ++d)
      spec.shape.push_back(1 + take() % 8);
    specs.push_back(std::move(spec));
  }
  return specs;
}

// Reads every record; the reader must reject bad data with InputError.
inline void drain(data::DatasetReader &reader) {
  data::Record record;
  while (reader.next(record)) {
  }
}

} // namespace qgold::fuzz
