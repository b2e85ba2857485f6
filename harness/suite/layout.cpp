#include "harness/suite/layout.h"

#include "ir/error.h"

#include <optional>

namespace qgold::harness {

namespace fs = std::filesystem;

namespace {

// The first of `start` and its parents that holds recipes/ and harness/.
std::optional<fs::path> find_checkout(const fs::path &start) {
  std::error_code error;
  fs::path dir = fs::weakly_canonical(start, error);
  if (error)
    return std::nullopt;
  for (; !dir.empty(); dir = dir.parent_path()) {
    if (fs::is_directory(dir / "recipes") && fs::is_directory(dir / "harness"))
      return dir;
    if (dir == dir.parent_path())
      break;
  }
  return std::nullopt;
}

} // namespace

SuiteLayout suite_layout(const fs::path &dir) {
  return fs::exists(dir / "suite.tsv") ? SuiteLayout::SuiteTsv : SuiteLayout::Bundled;
}

SuiteRoot locate_suite(const std::string &suite_dir) {
  std::optional<fs::path> dir;
  if (!suite_dir.empty())
    dir = fs::path(suite_dir);
  std::error_code error;
  fs::path exe = fs::read_symlink("/proc/self/exe", error);
  if (!dir && !error)
    dir = find_checkout(exe.parent_path());
  if (!dir)
    dir = find_checkout(fs::current_path());
  if (!dir)
    throw InputError("cannot find the qgold repository (a folder with recipes/ and harness/) "
                     "above the qgold executable or the working directory; give --suite DIR");
  return {*dir, suite_layout(*dir)};
}

Tolerances suite_tolerances(const SuiteRoot &root, const std::string &file, bool exact) {
  Tolerances tolerances;
  if (!file.empty())
    tolerances = load_tolerances(file);
  else if (fs::exists(root.dir / "tolerances.yaml"))
    tolerances = load_tolerances(root.dir / "tolerances.yaml");
  tolerances.exact = tolerances.exact || exact;
  return tolerances;
}

} // namespace qgold::harness
