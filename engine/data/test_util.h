#pragma once

// Helpers for the qgold_data tests.

#include "data/dataset.h"
#include "ir/error.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace qgold::data::testing {

// A fresh folder under the system temp dir, removed with everything in it.
class TempDir {
public:
  TempDir() {
    const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("qgold_data_" + std::string(info->test_suite_name()) + "_" + info->name() + "_" +
             std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path &path() const { return path_; }
  std::filesystem::path operator/(const std::string &name) const { return path_ / name; }

private:
  std::filesystem::path path_;
};

inline void write_file(const std::filesystem::path &path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The message of the InputError `action` throws, or a marker when it throws none.
template <typename Action> std::string input_error(Action &&action) {
  try {
    action();
  } catch (const InputError &error) {
    return error.what();
  }
  return "<no InputError thrown>";
}

// The names of the files in `dir`, sorted: what a writer left behind.
inline std::vector<std::string> file_names(const std::filesystem::path &dir) {
  std::vector<std::string> names;
  for (const auto &entry : std::filesystem::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Reads every record of a dataset.
inline std::vector<Record> read_all(DatasetReader &reader) {
  std::vector<Record> records;
  Record record;
  while (reader.next(record))
    records.push_back(record);
  return records;
}

template <typename T> std::vector<T> as(const std::vector<uint8_t> &bytes) {
  std::vector<T> values(bytes.size() / sizeof(T));
  std::memcpy(values.data(), bytes.data(), values.size() * sizeof(T));
  return values;
}

template <typename T> std::vector<uint8_t> bytes_of(const std::vector<T> &values) {
  std::vector<uint8_t> bytes(values.size() * sizeof(T));
  std::memcpy(bytes.data(), values.data(), bytes.size());
  return bytes;
}

} // namespace qgold::data::testing

// Expects `message` to contain `part`, printing the whole message otherwise.
#define EXPECT_CONTAINS(message, part)                                                             \
  EXPECT_NE(std::string(message).find(part), std::string::npos) << "message: " << (message)
