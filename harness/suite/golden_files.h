#pragma once

// The golden files of a suite's step folder, read before any case runs.

#include "harness/golden/golden.h"
#include "ir/error.h"

#include <filesystem>
#include <string>
#include <vector>

namespace qgold::harness {

// A suite whose own files are broken (a golden that is not valid JSON, a
// suite.tsv row naming a missing recipe, unreadable test inputs): no failure
// of the backend under test. verify stops with exit 2 naming the file.
struct SuiteError : InputError {
  using InputError::InputError;
};

struct GoldenFile {
  std::filesystem::path path;
  std::string stem; // the tensor's safe name (safe_name.h)
  Golden golden;
};

// The *.json files of `folder`, sorted by name (hidden ones too: the golden
// of tensor "../up" is ".._up.json", safe_name.h; qgold's temporaries end in
// ".tmp-<pid>-<n>"); none when the folder does not exist.
std::vector<std::filesystem::path> list_golden_files(const std::filesystem::path &folder);

// Reads every golden of `folder` (list_golden_files); a golden that cannot be
// read is a SuiteError naming the file and what is wrong.
std::vector<GoldenFile> read_golden_folder(const std::filesystem::path &folder);

} // namespace qgold::harness
