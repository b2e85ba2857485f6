#pragma once

#include "ir/model.h"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace qgold::format {

enum class FileFormat { Circle, TFLite };

// ".circle" -> Circle, ".tflite" -> TFLite; anything else is an InputError.
FileFormat format_from_path(const std::filesystem::path &path);

// Serializes a model. Circle: identifier CIR0, version 0. TFLite: TFL3,
// version 3; Circle-only ops (InstanceNorm) are an UnsupportedError.
std::vector<uint8_t> serialize(const ir::Model &model, FileFormat format);

// Parses and verifies a Circle or TFLite buffer (format from its identifier).
// A corrupt, truncated or unsupported buffer is an InputError that starts with
// `origin` (usually the file name) and says what was wrong.
ir::Model deserialize(std::span<const uint8_t> bytes, const std::string &origin);

// Reads, deserializes and validates (ir::validate_model) a model file:
// every error is an InputError naming the file.
ir::Model read_model_file(const std::filesystem::path &path);
// Writing follows the output policy of format/output_file.h (atomic
// replacement of regular files, symlinks followed, devices and FIFOs written in place).
void write_model_file(const ir::Model &model, const std::filesystem::path &path);

} // namespace qgold::format
