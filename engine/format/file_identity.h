#pragma once

#include "format/model_file.h"

#include <cstdint>
#include <string_view>

namespace qgold::format {

// What tells a Circle file from a TFLite file; the layout is the same
// (spec/formats.md §1.2).
struct FileIdentity {
  std::string_view name;        // for messages
  const char *identifier;       // bytes 4..7 of the file
  uint32_t version;             // Model.version as the ONE tools write it
  std::string_view description; // Model.description
};

// Circle keeps the luci exporter's description; a TFLite file written by
// qgold says so instead of claiming to come from tflchef.

inline constexpr FileIdentity kCircleIdentity{"Circle", "CIR0", 0, "nnpackage"};
inline constexpr FileIdentity kTFLiteIdentity{"TFLite", "TFL3", 3, "qgold"};

inline const FileIdentity &file_identity(FileFormat format) {
  return format == FileFormat::Circle ? kCircleIdentity : kTFLiteIdentity;
}

} // namespace qgold::format
