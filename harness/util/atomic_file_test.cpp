#include "harness/util/atomic_file.h"

#include <gtest/gtest.h>

#include <fstream>
#include <unistd.h>

namespace qgold::harness {
namespace {

namespace fs = std::filesystem;

TEST(AtomicFile, RemovesStaleTemporariesOfEveryWriter) {
  const fs::path dir = fs::temp_directory_path() / ("qgold_atomic_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  // 999999999 is above any pid_max: that process is gone.
  const std::vector<std::string> stale = {".g.json.tmp-999999999", ".m.circle.tmp-999999999-3",
                                          ".d.h5.tmp-999999999-0.partial"};
  const std::vector<std::string> kept = {"g.json", ".hidden",
                                         ".mine.json.tmp-" + std::to_string(::getpid()) + "-0",
                                         ".init.json.tmp-1-0"}; // pid 1 always runs
  for (const auto &name : stale)
    std::ofstream(dir / name) << "x";
  for (const auto &name : kept)
    std::ofstream(dir / name) << "x";
  EXPECT_EQ(remove_stale_temporaries(dir), stale.size());
  for (const auto &name : kept)
    EXPECT_TRUE(fs::exists(dir / name)) << name;
  fs::remove_all(dir);
}

TEST(AtomicFile, WritesThroughASymlink) {
  const fs::path dir =
      fs::temp_directory_path() / ("qgold_atomic_link_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "real.json") << "old";
  fs::create_symlink("real.json", dir / "report.json");
  write_file_atomically(dir / "report.json", "new");
  EXPECT_TRUE(fs::is_symlink(dir / "report.json"));
  EXPECT_EQ(read_file_text(dir / "real.json").text, "new");
  fs::remove_all(dir);
}

} // namespace
} // namespace qgold::harness
