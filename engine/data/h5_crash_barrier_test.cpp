#include "data/dataset.h"
#include "data/h5_crash_barrier.h"
#include "data/test_util.h"

#include <hdf5.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <optional>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

// libhdf5 mallocs sizes read from a corrupt file and copes with a failed malloc.
// Under ASan (the sanitizer build runs these tests) such a malloc must fail as
// it does in a plain build, not abort, for libhdf5 to reach its own crash.
extern "C" const char *__asan_default_options() { return "allocator_may_return_null=1"; }

namespace qgold::data {
namespace {

using namespace std::chrono_literals;
using testing::input_error;
using testing::TempDir;

// Found by the h5_dataset fuzz target (also in harness/fuzz/corpus/h5_dataset as
// libhdf5-segfault, with the 4 bytes that choose these specs in front).
const std::filesystem::path kSegfaultFile =
    std::filesystem::path(QGOLD_SOURCE_DIR) / "engine/data/testdata/libhdf5_segfault.h5";
const std::vector<InputSpec> kSpecs = {{"in0", ir::DType::Float32, {2, 3}}};

// Sets QGOLD_H5_CHECK_TIMEOUT_SECONDS for one test (unset for nullopt) and restores it after.
class TimeoutSetting {
public:
  explicit TimeoutSetting(std::optional<std::string> value) {
    if (const char *old = std::getenv(kName))
      old_ = old;
    if (value)
      setenv(kName, value->c_str(), 1);
    else
      unsetenv(kName);
  }
  ~TimeoutSetting() {
    if (old_)
      setenv(kName, old_->c_str(), 1);
    else
      unsetenv(kName);
  }

private:
  static constexpr const char *kName = "QGOLD_H5_CHECK_TIMEOUT_SECONDS";
  std::optional<std::string> old_;
};

// What the reader asks of record 1 of kSegfaultFile, in plain HDF5 calls.
void list_record_1(const std::filesystem::path &file) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  const hid_t h5 = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  const hid_t value = H5Gopen2(h5, "value", H5P_DEFAULT);
  const hid_t record = H5Gopen2(value, "1", H5P_DEFAULT);
  H5G_info_t info;
  H5Gget_info(record, &info);
}

// The barrier's reason to exist: without it this file kills the process.
TEST(H5CrashBarrier, FixtureSegfaultsLibhdf5WithoutTheBarrier) {
  EXPECT_EXIT(
      {
        std::signal(SIGSEGV, SIG_DFL); // not a sanitizer's handler
        list_record_1(kSegfaultFile);
        std::exit(0);
      },
      ::testing::KilledBySignal(SIGSEGV), "");
}

TEST(H5CrashBarrier, Libhdf5CrashIsAnInputErrorNamingFileAndSignal) {
  try {
    open_dataset(kSegfaultFile, kSpecs);
    ADD_FAILURE() << "no H5CrashError";
  } catch (const H5CrashError &error) {
    EXPECT_EQ(error.signal(), SIGSEGV);
    EXPECT_EQ(std::string(error.what()),
              kSegfaultFile.string() +
                  ": libhdf5 crashed reading this file (signal 11: SIGSEGV); the file is corrupt");
  }
}

TEST(H5CrashBarrier, HangingChildIsKilledAtTheTimeout) {
  const auto start = std::chrono::steady_clock::now();
  try {
    run_behind_crash_barrier(
        "slow.h5",
        [] {
          for (;;)
            pause();
        },
        200ms);
    ADD_FAILURE() << "no H5CrashError";
  } catch (const H5CrashError &error) {
    EXPECT_EQ(error.signal(), 0);
    EXPECT_STREQ(error.what(),
                 "slow.h5: libhdf5 did not finish reading this file within 0.2 s; the file is "
                 "probably corrupt (set QGOLD_H5_CHECK_TIMEOUT_SECONDS to allow more time)");
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
  errno = 0;
  EXPECT_EQ(waitpid(-1, nullptr, WNOHANG), -1) << "the killed child was not reaped";
  EXPECT_EQ(errno, ECHILD);
}

TEST(H5CrashBarrier, ChildErrorsArriveIntact) {
  // Far more than a pipe buffers: the parent must read while the child writes.
  const std::string long_message = std::string(1 << 20, 'x') + " end";
  EXPECT_EQ(input_error([&] {
              run_behind_crash_barrier(
                  "f.h5", [&] { throw InputError(long_message); }, 60s);
            }),
            long_message);
  EXPECT_THROW(run_behind_crash_barrier(
                   "f.h5", [] { throw UnsupportedError("u"); }, 60s),
               UnsupportedError);
  // Anything else is not bad input: it stays an internal error (exit status 3).
  try {
    run_behind_crash_barrier(
        "f.h5", [] { throw std::logic_error("a bug"); }, 60s);
    ADD_FAILURE() << "no exception";
  } catch (const InputError &error) {
    ADD_FAILURE() << "InputError: " << error.what();
  } catch (const std::runtime_error &error) {
    EXPECT_STREQ(error.what(), "a bug");
  }
  try {
    run_behind_crash_barrier(
        "f.h5", [] { _exit(5); }, 60s);
    ADD_FAILURE() << "no exception";
  } catch (const InputError &error) {
    ADD_FAILURE() << "InputError: " << error.what();
  } catch (const std::runtime_error &error) {
    EXPECT_STREQ(error.what(), "f.h5: the process checking this file ended with exit status 5");
  }
}

TEST(H5CrashBarrier, ValidFileReadsAsWritten) {
  TempDir dir;
  const auto file = dir / "valid.h5";
  const std::vector<InputSpec> specs = {{"image", ir::DType::Float32, {2, 3}},
                                        {"ids", ir::DType::Int64, {2}}};
  std::vector<Record> written;
  for (int i = 0; i < 5; ++i)
    written.push_back({"record " + std::to_string(i),
                       {testing::bytes_of(std::vector<float>(6, 0.5f * static_cast<float>(i))),
                        testing::bytes_of(std::vector<int64_t>{i, -i})}});
  H5DatasetWriter writer(file, specs);
  for (const Record &record : written)
    writer.append(record);
  writer.close();

  auto reader = open_dataset(file, specs);
  EXPECT_EQ(reader->size(), 5u);
  const std::vector<Record> read = testing::read_all(*reader);
  ASSERT_EQ(read.size(), written.size());
  for (size_t i = 0; i < read.size(); ++i) {
    EXPECT_EQ(read[i].id, written[i].id);
    EXPECT_EQ(read[i].inputs, written[i].inputs);
  }
}

// A child inherits every open descriptor. With HDF5's default flock() file
// locks, a file another thread was writing when the child was forked stayed
// locked until the child ended, and reading it failed ("unable to lock file").
TEST(H5CrashBarrier, ChildKeepsNoFileLocked) {
  TempDir dir;
  const auto file = dir / "written.h5";
  H5DatasetWriter writer(file, kSpecs);
  writer.append({"", {testing::bytes_of(std::vector<float>(6, 1.f))}});

  int started[2], release[2];
  ASSERT_EQ(pipe(started), 0);
  ASSERT_EQ(pipe(release), 0);
  std::thread checker([&] {
    run_behind_crash_barrier(
        "other.h5",
        [&] {
          close(release[1]);
          char byte = 1;
          if (write(started[1], &byte, 1) == 1)
            while (read(release[0], &byte, 1) > 0) {
            }
        },
        60s);
  });
  char byte;
  ASSERT_EQ(read(started[0], &byte, 1), 1); // the child is running and holds the writer's file

  writer.close();
  const std::string message = input_error([&] { testing::read_all(*open_dataset(file, kSpecs)); });
  close(release[1]);
  checker.join();
  EXPECT_EQ(message, "<no InputError thrown>");
  for (int fd : {started[0], started[1], release[0]})
    close(fd);
}

TEST(H5CrashBarrier, TimeoutScalesWithFileSizeUnlessSet) {
  TempDir dir;
  const auto file = dir / "big.h5";
  testing::write_file(file, "");
  std::filesystem::resize_file(file, (size_t{20} << 20) + 1);
  {
    TimeoutSetting unset(std::nullopt);
    EXPECT_EQ(h5_check_timeout(file), 62s); // 60 s + 1 s per whole 8 MiB
  }
  {
    TimeoutSetting set("0.25");
    EXPECT_EQ(h5_check_timeout(file), 250ms);
  }
  for (const char *bad : {"abc", "0", "-1", "5s", "nan"}) {
    TimeoutSetting set(bad);
    EXPECT_EQ(input_error([&] { h5_check_timeout(file); }),
              "QGOLD_H5_CHECK_TIMEOUT_SECONDS='" + std::string(bad) +
                  "': expected a positive number of seconds");
  }
}

} // namespace
} // namespace qgold::data
