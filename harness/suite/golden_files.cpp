#include "harness/suite/golden_files.h"

#include <algorithm>

namespace qgold::harness {

namespace fs = std::filesystem;

std::vector<fs::path> list_golden_files(const fs::path &folder) {
  std::vector<fs::path> files;
  std::error_code error;
  for (const auto &entry : fs::directory_iterator(folder, error))
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<GoldenFile> read_golden_folder(const fs::path &folder) {
  std::vector<GoldenFile> goldens;
  for (const fs::path &file : list_golden_files(folder)) {
    try {
      goldens.push_back({file, file.stem().string(), read_golden(file)});
    } catch (const InputError &error) {
      throw SuiteError(error.what());
    }
  }
  return goldens;
}

} // namespace qgold::harness
