#pragma once

// A case id split into what the reports group by.

#include <string>

namespace qgold::harness {

struct CaseLabel {
  std::string recipe;      // "Conv2D_001_config"
  std::string op;          // "Conv2D": the recipe without "_config" and its "_NNN" number
  std::string granularity; // "channel"; empty when the id has no such part
  std::string dtype;       // "uint8"
};

// "Conv2D_001_config/channel/uint8" -> {Conv2D_001_config, Conv2D, channel, uint8}.
// Network recipes keep their name as the operator ("Net_ResidualBlock").
CaseLabel case_label(const std::string &case_id);

} // namespace qgold::harness
