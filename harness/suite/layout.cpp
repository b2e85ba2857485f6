#include "harness/suite/layout.h"

#include "ir/error.h"

#include <optional>

namespace qgold::harness {

namespace fs = std::filesystem;

namespace {

bool is_checkout(const fs::path &dir) {
  return fs::is_directory(dir / "recipes") && fs::is_directory(dir / "harness");
}

// The first of `start` and its parents that `is_root`.
std::optional<fs::path> find_above(const fs::path &start, bool (*is_root)(const fs::path &)) {
  std::error_code error;
  fs::path dir = fs::weakly_canonical(start, error);
  if (error)
    return std::nullopt;
  for (; !dir.empty(); dir = dir.parent_path()) {
    if (is_root(dir))
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
  if (!dir)
    dir = find_above(fs::current_path(), [](const fs::path &at) {
      return fs::exists(at / "suite.tsv") || is_checkout(at);
    });
  std::error_code error;
  fs::path exe = fs::read_symlink("/proc/self/exe", error);
  if (!dir && !error)
    dir = find_above(exe.parent_path(), is_checkout);
  if (!dir)
    throw InputError("no suite here: neither the working directory nor the qgold executable is "
                     "inside a suite (a folder with suite.tsv, or with recipes/ and harness/); "
                     "give --suite DIR");
  return {*dir, suite_layout(*dir)};
}

Tolerances suite_tolerances(const SuiteRoot &root, const std::string &file, bool exact) {
  Tolerances tolerances =
      root.layout == SuiteLayout::SuiteTsv ? Tolerances::one_allclose() : Tolerances{};
  if (!file.empty())
    tolerances = load_tolerances(file, tolerances);
  else if (fs::exists(root.dir / "tolerances.yaml"))
    tolerances = load_tolerances(root.dir / "tolerances.yaml", tolerances);
  tolerances.exact = tolerances.exact || exact;
  return tolerances;
}

} // namespace qgold::harness
