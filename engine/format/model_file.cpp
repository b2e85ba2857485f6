#include "format/model_file.h"

#include "format/output_file.h"
#include "ir/error.h"
#include "ir/validate.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

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

ir::Model read_model_file(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError(fmt::format("{}: cannot open model file: {}", path.string(), errno_text()));
  std::vector<uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad())
    throw InputError(fmt::format("{}: cannot read model file: {}", path.string(), errno_text()));
  ir::Model model = deserialize(bytes, path.string());
  // Every later step may then trust operand counts, dtypes and shapes.
  try {
    ir::validate_model(model);
  } catch (const ir::ModelError &e) {
    throw InputError(fmt::format("{}: {}", path.string(), e.what()));
  }
  return model;
}

void write_model_file(const ir::Model &model, const std::filesystem::path &path) {
  const std::vector<uint8_t> bytes = serialize(model, format_from_path(path));
  write_output_file(path, {reinterpret_cast<const char *>(bytes.data()), bytes.size()});
}

} // namespace qgold::format
