#pragma once

// suite.tsv of a conformance suite laid out like ONE's
// pota-quantization-value-test (see ../shared/conformance/one-pota/README.md):
// one row per case, naming the steps whose goldens it checks.

#include "harness/suite/step.h"

#include <filesystem>
#include <string>
#include <vector>

namespace qgold::harness {

struct OneCase {
  std::string recipe;      // as written; "<R>_config" for a qconf case of model R
  std::string granularity; // layer | channel
  std::string dtype;       // uint8 | int16 | int8
  std::vector<Step> chained, isolated;
  std::string note;
  int line = 0; // line in suite.tsv

  std::string name() const; // "Conv2D_004/channel/uint8"
};

// Parses suite.tsv (header row, then recipe, granularity, dtype, steps_chained,
// steps_isolated, note; '-' = none). Errors are SuiteErrors "file:line: ...".
std::vector<OneCase> read_suite_tsv(const std::filesystem::path &path);

} // namespace qgold::harness
