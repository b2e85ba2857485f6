#include "format/output_file.h"

#include "format/temp_dir_test.h"
#include "ir/error.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace qgold::format {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class OutputFileTest : public testing::TempDirTest {};

TEST_F(OutputFileTest, ReplacesARegularFileAndKeepsItsMode) {
  std::ofstream(dir_ / "a.json") << "old";
  fs::permissions(dir_ / "a.json", fs::perms::owner_read | fs::perms::owner_write);
  write_output_file(dir_ / "a.json", "new");
  EXPECT_EQ(read(dir_ / "a.json"), "new");
  EXPECT_EQ(fs::status(dir_ / "a.json").permissions(),
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(entries(), std::vector<std::string>{"a.json"});
}

TEST_F(OutputFileTest, ReplacesTheTargetOfASymlinkChainAndKeepsTheLinks) {
  fs::create_directory(dir_ / "real");
  std::ofstream(dir_ / "real" / "a.json") << "old";
  fs::create_symlink("real/a.json", dir_ / "hop");
  fs::create_symlink(dir_ / "hop", dir_ / "link.json");
  write_output_file(dir_ / "link.json", "new");
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.json"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "hop"));
  EXPECT_EQ(read(dir_ / "real" / "a.json"), "new");
  EXPECT_EQ(entries(), (std::vector<std::string>{"hop", "link.json", "real"}));
  EXPECT_EQ(fs::directory_iterator(dir_ / "real")->path().filename(), "a.json");
}

TEST_F(OutputFileTest, ADanglingSymlinkCreatesItsTarget) {
  fs::create_symlink("made.json", dir_ / "link.json");
  write_output_file(dir_ / "link.json", "new");
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.json"));
  EXPECT_EQ(read(dir_ / "made.json"), "new");
}

TEST_F(OutputFileTest, ASymlinkLoopIsAnInputError) {
  fs::create_symlink("b", dir_ / "a");
  fs::create_symlink("a", dir_ / "b");
  EXPECT_THROW(write_output_file(dir_ / "a", "x"), InputError);
}

TEST_F(OutputFileTest, AFifoIsWrittenInPlace) {
  const fs::path fifo = dir_ / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string got;
  std::thread reader([&] { got = read(fifo); });
  write_output_file(fifo, "through the pipe");
  reader.join();
  EXPECT_EQ(got, "through the pipe");
  EXPECT_EQ(fs::status(fifo).type(), fs::file_type::fifo);
  EXPECT_EQ(entries(), std::vector<std::string>{"fifo"});
}

TEST_F(OutputFileTest, AFolderIsAnInputErrorAndLeavesNoTemporary) {
  fs::create_directory(dir_ / "taken.json");
  EXPECT_THROW(write_output_file(dir_ / "taken.json", "x"), InputError);
  EXPECT_EQ(entries(), std::vector<std::string>{"taken.json"});
}

TEST(ResolveOutput, StandardStreamsAreQgoldsOwnDescriptors) {
  EXPECT_EQ(resolve_output("/dev/stdout").kind, OutputTarget::Kind::Descriptor);
  EXPECT_EQ(resolve_output("/dev/stdout").descriptor, STDOUT_FILENO);
  EXPECT_EQ(resolve_output("/dev/stderr").descriptor, STDERR_FILENO);
  EXPECT_EQ(resolve_output("/dev/null").kind, OutputTarget::Kind::InPlace);
}

TEST_F(OutputFileTest, StagedOutputReplacesOnCommitOnly) {
  std::ofstream(dir_ / "d.h5") << "old";
  {
    StagedOutput staged(dir_ / "d.h5");
    EXPECT_EQ(staged.path().parent_path(), dir_);
    std::ofstream(staged.path()) << "half";
  } // not committed: a failed run
  EXPECT_EQ(read(dir_ / "d.h5"), "old");
  EXPECT_EQ(entries(), std::vector<std::string>{"d.h5"});
  {
    StagedOutput staged(dir_ / "d.h5");
    std::ofstream(staged.path()) << "new";
    staged.commit();
  }
  EXPECT_EQ(read(dir_ / "d.h5"), "new");
  EXPECT_EQ(entries(), std::vector<std::string>{"d.h5"});
}

TEST_F(OutputFileTest, StagedOutputCopiesIntoAFifo) {
  const fs::path fifo = dir_ / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  StagedOutput staged(fifo);
  EXPECT_NE(staged.path().parent_path(), dir_);
  std::ofstream(staged.path()) << "staged bytes";
  std::string got;
  std::thread reader([&] { got = read(fifo); });
  staged.commit();
  reader.join();
  EXPECT_EQ(got, "staged bytes");
  EXPECT_EQ(fs::status(fifo).type(), fs::file_type::fifo);
}

TEST_F(OutputFileTest, MissingFolderIsReportedBeforeAnyWork) {
  const fs::path path = dir_ / "missing" / "m.circle";
  try {
    check_output_folder(path);
    FAIL() << "no error";
  } catch (const InputError &e) {
    EXPECT_EQ(std::string(e.what()),
              path.string() + ": folder " + (dir_ / "missing").string() + " does not exist");
  }
  std::ofstream(dir_ / "file") << "x";
  EXPECT_THROW(check_output_folder(dir_ / "file" / "m.circle"), InputError);
  fs::create_symlink("missing/m.circle", dir_ / "dangling.circle");
  EXPECT_THROW(check_output_folder(dir_ / "dangling.circle"), InputError);
  check_output_folder(dir_ / "m.circle");
  check_output_folder("m.circle");
  check_output_folder("/dev/null");
}

TEST(TemporaryOwner, RecognisesEveryTemporaryName) {
  EXPECT_EQ(temporary_owner(".a.json.tmp-123-0"), 123);
  EXPECT_EQ(temporary_owner(".a.json.tmp-123"), 123);
  EXPECT_EQ(temporary_owner(".d.h5.tmp-123-4.partial"), 123);
  EXPECT_EQ(temporary_owner(".x.tmp-1.tmp-77-2"), 77);
  EXPECT_EQ(temporary_owner("a.json.tmp-123"), std::nullopt);
  EXPECT_EQ(temporary_owner(".a.json.tmp-"), std::nullopt);
  EXPECT_EQ(temporary_owner(".a.json.tmp-12x"), std::nullopt);
  EXPECT_EQ(temporary_owner(".a.json.tmp-12-"), std::nullopt);
  EXPECT_EQ(temporary_owner(".a.json.tmp-1234567890"), std::nullopt);
  EXPECT_EQ(temporary_owner(".a.json"), std::nullopt);
}

TEST_F(OutputFileTest, TemporariesAreNamedAsTemporaryOwnerExpects) {
  StagedOutput staged(dir_ / "d.h5");
  EXPECT_EQ(temporary_owner(staged.path().filename().string()), ::getpid());
}

} // namespace
} // namespace qgold::format
