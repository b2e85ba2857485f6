#include "format/model_file.h"

#include "format/output_file.h"
#include "ir/error.h"
#include "ir/validate.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace qgold::format {
namespace {

std::string errno_text() { return std::strerror(errno); }

} // namespace

FileFormat format_from_path(const std::filesystem::path &path) {
  const std::string extension = path.extension().string();
  if (extension == ".circle")
    return FileFormat::Circle;
  if (extension == ".tflite")
    return FileFormat::TFLite;
  throw InputError(
      fmt::format("{}: unknown model file extension '{}', expected '.circle' or '.tflite'", path.string(), extension));
}

ir::Model read_model_bytes(std::span<const uint8_t> bytes, const std::string &origin) {
  ir::Model model = deserialize(bytes, origin);
  // Every later step may then trust operand counts, dtypes and shapes.
  try {
    ir::validate_model(model);
  } catch (const ir::ModelError &e) {
    throw InputError(fmt::format("{}: {}", origin, e.what()));
  }
  return model;
}

ir::Model read_model_file(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError(fmt::format("{}: cannot open model file: {}", path.string(), errno_text()));
  // Straight into the vector, 1 MiB at a time (also from a pipe): a
  // byte-by-byte stream copy of a 20 MB model costs more than the inference
  // of a record.
  constexpr size_t kChunk = size_t{1} << 20;
  std::vector<uint8_t> bytes;
  size_t size = 0;
  do {
    bytes.resize(size + kChunk);
    in.read(reinterpret_cast<char *>(bytes.data() + size), kChunk);
    size += static_cast<size_t>(in.gcount());
  } while (in);
  bytes.resize(size);
  if (in.bad())
    throw InputError(fmt::format("{}: cannot read model file: {}", path.string(), errno_text()));
  return read_model_bytes(bytes, path.string());
}

void write_model_file(const ir::Model &model, const std::filesystem::path &path) {
  const std::vector<uint8_t> bytes = serialize(model, format_from_path(path));
  write_output_file(path, {reinterpret_cast<const char *>(bytes.data()), bytes.size()});
}

} // namespace qgold::format
