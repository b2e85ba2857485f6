#include "data/dataset.h"
#include "data/test_util.h"

#include <gtest/gtest.h>

namespace qgold::data {
namespace {

using testing::as;
using testing::input_error;
using testing::TempDir;
using testing::write_file;

const std::vector<InputSpec> kVector3 = {{"x", ir::DType::Float32, {3}}};

TEST(TextReader, ReadsOnePotaInputFolder) {
  const std::filesystem::path folder =
      QGOLD_SHARED_DIR "/conformance/one-pota/test_inputs/Conv2D_004/channel/uint8";
  if (!std::filesystem::exists(folder))
    GTEST_SKIP() << "shared conformance data not found at " << folder;
  auto reader = open_dataset(folder, {{"ifm", ir::DType::Float32, {1, 4, 3, 2}}});
  ASSERT_EQ(reader->size(), 5u);
  const auto records = testing::read_all(*reader);
  ASSERT_EQ(records.size(), 5u);
  for (size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(records[i].id, std::to_string(i) + ".txt");
    ASSERT_EQ(records[i].inputs.size(), 1u);
    EXPECT_EQ(records[i].inputs[0].size(), 24u * sizeof(float));
  }
  const auto first = as<float>(records[0].inputs[0]);
  EXPECT_EQ(first[0], 0.19242816f);
  EXPECT_EQ(first[5], 0.6858487f); // padded with a blank in the file
  EXPECT_EQ(first[23], 0.11426282f);
  EXPECT_EQ(as<float>(records[4].inputs[0])[0], 0.16251074f);
}

TEST(TextReader, SortsFilesByNameAndParsesEachLineAsOneInput) {
  TempDir dir;
  write_file(dir / "b.txt", "3, 4\n-0.5,1e-3 ,  +2\n");
  write_file(dir / "a.txt", " 1 , -2\r\n0.25,0.5,0.75\r\n\r\n  \n");
  write_file(dir / "10.txt", "7,8\n1,2,3");
  write_file(dir / "notes.md", "ignored: not a .txt file");
  const std::vector<InputSpec> specs = {{"i", ir::DType::Int32, {1, 2}},
                                        {"f", ir::DType::Float32, {3}}};
  auto reader = open_dataset(dir.path(), specs);
  ASSERT_EQ(reader->size(), 3u);
  const auto records = testing::read_all(*reader);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].id, "10.txt");
  EXPECT_EQ(records[0].where(), (dir / "10.txt").string()); // messages name the file
  EXPECT_EQ(records[1].id, "a.txt");
  EXPECT_EQ(records[2].id, "b.txt");
  EXPECT_EQ(as<int32_t>(records[1].inputs[0]), (std::vector<int32_t>{1, -2}));
  EXPECT_EQ(as<float>(records[1].inputs[1]), (std::vector<float>{0.25f, 0.5f, 0.75f}));
  EXPECT_EQ(as<float>(records[2].inputs[1]), (std::vector<float>{-0.5f, 0.001f, 2.f}));
  EXPECT_EQ(as<float>(records[0].inputs[1]), (std::vector<float>{1.f, 2.f, 3.f}));
}

TEST(TextReader, SingleFileIsOneRecord) {
  TempDir dir;
  write_file(dir / "one.txt", "1,0,true\n");
  auto reader = open_dataset(dir / "one.txt", {{"mask", ir::DType::Bool, {3}}});
  ASSERT_EQ(reader->size(), 1u);
  const auto records = testing::read_all(*reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].inputs[0], (std::vector<uint8_t>{1, 0, 1}));
}

TEST(TextReader, ParsesIntegerDtypesAtTheirLimits) {
  TempDir dir;
  write_file(dir / "r.txt",
             "0,255\n-128,127\n-32768,32767\n-9223372036854775808,9223372036854775807\n");
  const std::vector<InputSpec> specs = {{"u8", ir::DType::UInt8, {2}},
                                        {"i8", ir::DType::Int8, {2}},
                                        {"i16", ir::DType::Int16, {2}},
                                        {"i64", ir::DType::Int64, {2}}};
  const auto records = testing::read_all(*open_dataset(dir / "r.txt", specs));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].inputs[0], (std::vector<uint8_t>{0, 255}));
  EXPECT_EQ(as<int8_t>(records[0].inputs[1]), (std::vector<int8_t>{-128, 127}));
  EXPECT_EQ(as<int16_t>(records[0].inputs[2]), (std::vector<int16_t>{-32768, 32767}));
  EXPECT_EQ(as<int64_t>(records[0].inputs[3]), (std::vector<int64_t>{INT64_MIN, INT64_MAX}));
}

TEST(TextReader, RejectsTrailingGarbageInANumber) {
  TempDir dir;
  write_file(dir / "r.txt", "0.5,1.0abc,2\n");
  EXPECT_EQ(input_error([&] { testing::read_all(*open_dataset(dir / "r.txt", kVector3)); }),
            (dir / "r.txt").string() +
                ":1:5: input 0 ('x'), value 1: expected a float32 number, got '1.0abc'");
}

TEST(TextReader, RejectsWrongValueCount) {
  TempDir dir;
  write_file(dir / "r.txt", "0.5, 2\n");
  EXPECT_EQ(input_error([&] { testing::read_all(*open_dataset(dir / "r.txt", kVector3)); }),
            (dir / "r.txt").string() +
                ":1: input 0 ('x'): expected 3 comma-separated values for float32 [3], got 2");
}

TEST(TextReader, RejectsEmptyValueFromTrailingComma) {
  TempDir dir;
  write_file(dir / "r.txt", "1,2,\n");
  EXPECT_CONTAINS(input_error([&] { testing::read_all(*open_dataset(dir / "r.txt", kVector3)); }),
                  ":1:5: input 0 ('x'), value 2: expected a float32 number, got ''");
}

TEST(TextReader, RejectsWrongLineCountNamingTheFile) {
  TempDir dir;
  write_file(dir / "0.txt", "1,2,3\n");
  write_file(dir / "1.txt", "1,2,3\n4,5,6\n");
  auto reader = open_dataset(dir.path(), kVector3);
  Record record;
  ASSERT_TRUE(reader->next(record));
  EXPECT_EQ(input_error([&] { reader->next(record); }),
            (dir / "1.txt").string() +
                ": holds 2 non-blank lines, expected 1 (one line per model input)");
}

TEST(TextReader, RejectsBlankLineForAnInput) {
  TempDir dir;
  write_file(dir / "r.txt", "\n1,2\n");
  const std::vector<InputSpec> specs = {{"a", ir::DType::Int32, {2}}, {"b", ir::DType::Int32, {2}}};
  EXPECT_CONTAINS(input_error([&] { testing::read_all(*open_dataset(dir / "r.txt", specs)); }),
                  ":1: input 0 ('a'): expected 2 comma-separated values for int32 [2], got 0");
}

TEST(TextReader, RejectsEmptyFile) {
  TempDir dir;
  write_file(dir / "r.txt", "");
  EXPECT_CONTAINS(input_error([&] { testing::read_all(*open_dataset(dir / "r.txt", kVector3)); }),
                  "holds 0 non-blank lines, expected 1");
}

TEST(TextReader, RejectsOutOfRangeAndMistypedValues) {
  TempDir dir;
  struct Case {
    ir::DType dtype;
    std::string line;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {ir::DType::UInt8, "1,256", "value 1: expected an integer in the uint8 range, got '256'"},
      {ir::DType::UInt8, "-1,2", "value 0: expected an integer in the uint8 range, got '-1'"},
      {ir::DType::Int32, "1.5,2", "value 0: expected an integer in the int32 range, got '1.5'"},
      {ir::DType::Float32, "1e39,0", "value 0: expected a float32 number, got '1e39'"},
      {ir::DType::Float32, "0x10,0", "value 0: expected a float32 number, got '0x10'"},
      {ir::DType::Float32, "1 2,0", "value 0: expected a float32 number, got '1 2'"},
      {ir::DType::Bool, "1,2", "value 1: expected a bool (0, 1, true or false), got '2'"},
  };
  for (const Case &c : cases) {
    write_file(dir / "r.txt", c.line + "\n");
    EXPECT_CONTAINS(input_error([&] {
                      testing::read_all(*open_dataset(dir / "r.txt", {{"v", c.dtype, {2}}}));
                    }),
                    c.expected);
  }
}

} // namespace
} // namespace qgold::data
