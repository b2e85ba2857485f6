#include "harness/golden/safe_name.h"

#include "ir/error.h"

#include <fmt/format.h>

namespace qgold::harness {

namespace {

void append_escaped(std::string &out, unsigned char byte) {
  out += fmt::format("%{:02X}", byte);
}

bool needs_escape(unsigned char byte) {
  return byte < 0x20 || byte == 0x7F || byte == '%' || byte == '\\';
}

// FNV-1a, 64 bit: stable across platforms and runs.
uint64_t fnv1a(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char byte : text) {
    hash ^= byte;
    hash *= 0x100000001b3ull;
  }
  return hash;
}

// Cuts `stem` to at most `limit` bytes without splitting a %XX escape or a
// UTF-8 sequence.
std::string cut(const std::string &stem, size_t limit) {
  size_t end = limit;
  // Every '%' in a stem starts an escape, so it may only sit 3 or more bytes before the cut.
  if (stem[end - 1] == '%')
    end -= 1;
  else if (stem[end - 2] == '%')
    end -= 2;
  while (end > 0 && (static_cast<unsigned char>(stem[end]) & 0xC0) == 0x80)
    --end;
  return stem.substr(0, end);
}

} // namespace

std::string golden_file_stem(std::string_view tensor_name) {
  if (tensor_name.empty())
    throw InputError("a tensor without a name has no golden file");
  std::string stem;
  for (size_t i = 0; i < tensor_name.size(); ++i) {
    unsigned char byte = tensor_name[i];
    if (byte == '/')
      stem += '_';
    else if (needs_escape(byte) || (i == 0 && byte == '-'))
      append_escaped(stem, byte);
    else
      stem += static_cast<char>(byte);
  }
  if (stem == ".")
    stem = "%2E";
  else if (stem == "..")
    stem = "%2E%2E";
  if (stem.size() > kMaxGoldenStem) {
    std::string suffix = fmt::format("~{:016x}", fnv1a(tensor_name));
    stem = cut(stem, kMaxGoldenStem - suffix.size()) + suffix;
  }
  return stem;
}

std::string golden_file_name(std::string_view tensor_name) {
  return golden_file_stem(tensor_name) + ".json";
}

std::map<std::string, int32_t> golden_stems(const ir::Model &model) {
  std::map<std::string, int32_t> stems;
  for (size_t i = 0; i < model.tensors.size(); ++i) {
    const std::string &name = model.tensors[i].name;
    if (name.empty())
      continue; // circle-tensordump skips unnamed tensors too
    auto [it, inserted] = stems.emplace(golden_file_stem(name), static_cast<int32_t>(i));
    if (!inserted)
      throw InputError(fmt::format("tensors '{}' (index {}) and '{}' (index {}) both map to "
                                   "golden file '{}.json'",
                                   model.tensors[it->second].name, it->second, name, i, it->first));
  }
  return stems;
}

} // namespace qgold::harness
