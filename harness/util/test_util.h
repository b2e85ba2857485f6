#pragma once

// Helpers of the harness's GoogleTests.

#include "harness/golden/compare.h"
#include "ir/error.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

namespace qgold::harness::test_util {

// The message of the InputError `body` throws; a test failure when it throws none.
template <typename Body> std::string input_error(Body body) {
  try {
    body();
  } catch (const InputError &error) {
    return error.what();
  }
  ADD_FAILURE() << "expected an InputError";
  return "";
}

// A mismatch of one value.
inline Mismatch value_mismatch(std::string key, int64_t index, double expected, double got) {
  Mismatch mismatch;
  mismatch.key = std::move(key);
  mismatch.index = index;
  mismatch.expected = expected;
  mismatch.got = got;
  mismatch.diff = std::fabs(got - expected);
  return mismatch;
}

// A scratch folder named after the running test, removed at the end.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    const ::testing::UnitTest &unit = *::testing::UnitTest::GetInstance();
    path = std::filesystem::temp_directory_path() /
           ("qgold_" + std::string(unit.current_test_info()->test_suite_name()) + "_" +
            unit.current_test_info()->name() + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;
  // Writes `text` to path/relative, creating its folders.
  void write(const std::filesystem::path &relative, const std::string &text) const {
    std::filesystem::create_directories((path / relative).parent_path());
    std::ofstream(path / relative) << text;
  }
};

} // namespace qgold::harness::test_util
