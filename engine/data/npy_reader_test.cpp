#include "data/dataset.h"
#include "data/test_util.h"
#include "ir/error.h"

#include <gtest/gtest.h>

namespace qgold::data {
namespace {

using testing::as;
using testing::bytes_of;
using testing::input_error;
using testing::TempDir;
using testing::write_file;

// The bytes of a .npy file: magic, version, little-endian header length, the
// dict padded with blanks and '\n' to a multiple of 64 bytes, then `data`.
std::string npy_file(const std::string &dict, const std::vector<uint8_t> &data, int major = 1) {
  const size_t prefix = major == 1 ? 10 : 12;
  std::string header = dict;
  while ((prefix + header.size() + 1) % 64 != 0)
    header += ' ';
  header += '\n';
  std::string out = "\x93NUMPY";
  out += static_cast<char>(major);
  out += '\0';
  for (size_t i = 0; i < prefix - 8; ++i)
    out += static_cast<char>((header.size() >> (8 * i)) & 0xff);
  out += header;
  out.append(data.begin(), data.end());
  return out;
}

std::string npy_dict(const std::string &descr, const std::string &shape,
                     const std::string &fortran = "False") {
  return "{'descr': '" + descr + "', 'fortran_order': " + fortran + ", 'shape': " + shape + ", }";
}

std::vector<uint8_t> reversed_elements(std::vector<uint8_t> bytes, size_t element) {
  for (size_t i = 0; i < bytes.size(); i += element)
    std::reverse(bytes.begin() + i, bytes.begin() + i + element);
  return bytes;
}

const std::vector<InputSpec> kMatrix = {{"m", ir::DType::Float32, {2, 3}}};
const std::vector<float> kSix = {0.5f, 1.5f, -2.f, 3.25f, 4.f, 1e-3f};

TEST(NpyReader, EachFileIsOneRecordInNameOrder) {
  TempDir dir;
  const std::vector<float> other = {6.f, 5.f, 4.f, 3.f, 2.f, 1.f};
  write_file(dir / "b.npy", npy_file(npy_dict("<f4", "(2, 3)"), bytes_of(other)));
  write_file(dir / "a.npy", npy_file(npy_dict("<f4", "(2, 3)"), bytes_of(kSix)));
  auto reader = open_dataset(dir.path(), kMatrix);
  ASSERT_EQ(reader->size(), 2u);
  const auto records = testing::read_all(*reader);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].id, "a.npy");
  EXPECT_EQ(records[0].where(), (dir / "a.npy").string()); // messages name the file
  EXPECT_EQ(as<float>(records[0].inputs[0]), kSix);
  EXPECT_EQ(records[1].id, "b.npy");
  EXPECT_EQ(as<float>(records[1].inputs[0]), other);
}

TEST(NpyReader, SwapsBigEndianData) {
  TempDir dir;
  write_file(dir / "be.npy",
             npy_file(npy_dict(">f4", "(2, 3)"), reversed_elements(bytes_of(kSix), 4)));
  const auto records = testing::read_all(*open_dataset(dir / "be.npy", kMatrix));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(as<float>(records[0].inputs[0]), kSix);

  const std::vector<int64_t> longs = {-1, int64_t{1} << 33};
  write_file(dir / "be8.npy",
             npy_file(npy_dict(">i8", "(2,)"), reversed_elements(bytes_of(longs), 8)));
  const auto long_records =
      testing::read_all(*open_dataset(dir / "be8.npy", {{"l", ir::DType::Int64, {2}}}));
  ASSERT_EQ(long_records.size(), 1u);
  EXPECT_EQ(as<int64_t>(long_records[0].inputs[0]), longs);
}

TEST(NpyReader, ReadsVersion2And3HeadersAndOneByteTypes) {
  TempDir dir;
  write_file(dir / "v2.npy", npy_file(npy_dict("<f4", "(2,3)"), bytes_of(kSix), 2));
  write_file(dir / "v3.npy", npy_file(npy_dict("|b1", "(3,)"), {1, 0, 1}, 3));
  EXPECT_EQ(as<float>(testing::read_all(*open_dataset(dir / "v2.npy", kMatrix))[0].inputs[0]),
            kSix);
  EXPECT_EQ(
      testing::read_all(*open_dataset(dir / "v3.npy", {{"b", ir::DType::Bool, {3}}}))[0].inputs[0],
      (std::vector<uint8_t>{1, 0, 1}));
}

TEST(NpyReader, ReadsTheCodeTypesOfQuantizedInputs) {
  TempDir dir;
  const std::vector<int16_t> i16 = {-32768, 5, 32767};
  write_file(dir / "u8.npy", npy_file(npy_dict("|u1", "(3,)"), {0, 7, 255}));
  write_file(dir / "i8.npy", npy_file(npy_dict("|i1", "(3,)"), {0x80, 0x00, 0x7f}));
  write_file(dir / "i16.npy", npy_file(npy_dict("<i2", "(3,)"), bytes_of(i16)));
  EXPECT_EQ(testing::read_all(*open_dataset(dir / "u8.npy", {{"x", ir::DType::UInt8, {3}}}))[0]
                .inputs[0],
            (std::vector<uint8_t>{0, 7, 255}));
  EXPECT_EQ(as<int8_t>(testing::read_all(
                *open_dataset(dir / "i8.npy", {{"x", ir::DType::Int8, {3}}}))[0].inputs[0]),
            (std::vector<int8_t>{-128, 0, 127}));
  EXPECT_EQ(as<int16_t>(testing::read_all(
                *open_dataset(dir / "i16.npy", {{"x", ir::DType::Int16, {3}}}))[0].inputs[0]),
            i16);
  // Codes of one integer type are not read as another.
  EXPECT_THROW(testing::read_all(*open_dataset(dir / "i8.npy", {{"x", ir::DType::UInt8, {3}}})),
               InputError);
}

TEST(NpyReader, SingleFileWithLeadingRecordAxisHoldsAllRecords) {
  TempDir dir;
  std::vector<float> three_records;
  for (int i = 0; i < 18; ++i)
    three_records.push_back(static_cast<float>(i));
  write_file(dir / "data.npy", npy_file(npy_dict("<f4", "(3, 2, 3)"), bytes_of(three_records)));
  for (const auto &path : {dir / "data.npy", dir.path()}) {
    auto reader = open_dataset(path, kMatrix);
    ASSERT_EQ(reader->size(), 3u);
    const auto records = testing::read_all(*reader);
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[2].id, "record 2");
    EXPECT_EQ(records[2].where(), (dir / "data.npy").string() + ": record 2");
    EXPECT_EQ(as<float>(records[2].inputs[0]),
              (std::vector<float>{12.f, 13.f, 14.f, 15.f, 16.f, 17.f}));
  }
}

TEST(NpyReader, MultiInputFilesPerInputWithRecordAxis) {
  TempDir dir;
  write_file(dir / "0.npy",
             npy_file(npy_dict("<i4", "(2, 2)"), bytes_of(std::vector<int32_t>{1, 2, 3, 4})));
  write_file(dir / "1.npy",
             npy_file(npy_dict("<f4", "(2, 1)"), bytes_of(std::vector<float>{0.5f, -0.5f})));
  const std::vector<InputSpec> specs = {{"a", ir::DType::Int32, {2}},
                                        {"b", ir::DType::Float32, {1}}};
  auto reader = open_dataset(dir.path(), specs);
  ASSERT_EQ(reader->size(), 2u);
  const auto records = testing::read_all(*reader);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(as<int32_t>(records[1].inputs[0]), (std::vector<int32_t>{3, 4}));
  EXPECT_EQ(as<float>(records[1].inputs[1]), std::vector<float>{-0.5f});

  write_file(dir / "1.npy",
             npy_file(npy_dict("<f4", "(3, 1)"), bytes_of(std::vector<float>{1, 2, 3})));
  EXPECT_EQ(input_error([&] { open_dataset(dir.path(), specs); }),
            (dir / "1.npy").string() + ": holds 3 records, but " + (dir / "0.npy").string() +
                " holds 2");
}

TEST(NpyReader, MultiInputFilesPerRecord) {
  TempDir dir;
  const std::vector<InputSpec> specs = {{"a", ir::DType::Int32, {2}}, {"b", ir::DType::UInt8, {1}}};
  write_file(dir / "r1_0.npy",
             npy_file(npy_dict("<i4", "(2,)"), bytes_of(std::vector<int32_t>{5, 6})));
  write_file(dir / "r1_1.npy", npy_file(npy_dict("|u1", "(1,)"), {7}));
  write_file(dir / "r0_0.npy",
             npy_file(npy_dict("<i4", "(2,)"), bytes_of(std::vector<int32_t>{1, 2})));
  write_file(dir / "r0_1.npy", npy_file(npy_dict("|u1", "(1,)"), {3}));
  auto records = testing::read_all(*open_dataset(dir.path(), specs));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].id, "r0_*.npy");
  EXPECT_EQ(records[0].where(), (dir / "r0_*.npy").string());
  EXPECT_EQ(as<int32_t>(records[0].inputs[0]), (std::vector<int32_t>{1, 2}));
  EXPECT_EQ(records[1].inputs[1], std::vector<uint8_t>{7});

  std::filesystem::remove(dir / "r1_1.npy");
  EXPECT_EQ(input_error([&] { open_dataset(dir.path(), specs); }),
            dir.path().string() +
                ": record 'r1' has no file for input 1 ('b') (expected r1_1.npy)");

  write_file(dir / "loose.npy", npy_file(npy_dict("|u1", "(1,)"), {3}));
  EXPECT_CONTAINS(input_error([&] { open_dataset(dir.path(), specs); }),
                  (dir / "loose.npy").string() + ": a model with 2 inputs needs .npy files named "
                                                 "<record>_<input>.npy");
}

TEST(NpyReader, RejectsWrongDtypeAndShape) {
  TempDir dir;
  write_file(dir / "f8.npy", npy_file(npy_dict("<f8", "(2, 3)"), std::vector<uint8_t>(48)));
  EXPECT_EQ(input_error([&] { testing::read_all(*open_dataset(dir / "f8.npy", kMatrix)); }),
            (dir / "f8.npy").string() +
                ": input 0 ('m'): expected float32 [2,3] ('<f4'), got float64 [2,3] ('<f8')");
  write_file(dir / "shape.npy", npy_file(npy_dict("<f4", "(3, 2)"), bytes_of(kSix)));
  EXPECT_CONTAINS(
      input_error([&] { testing::read_all(*open_dataset(dir / "shape.npy", kMatrix)); }),
      "expected float32 [2,3] ('<f4'), got float32 [3,2] ('<f4')");
}

TEST(NpyReader, RejectsDataSizeMismatch) {
  TempDir dir;
  write_file(dir / "short.npy", npy_file(npy_dict("<f4", "(2, 3)"), std::vector<uint8_t>(20)));
  EXPECT_CONTAINS(
      input_error([&] { testing::read_all(*open_dataset(dir / "short.npy", kMatrix)); }),
      (dir / "short.npy").string() + ": holds 20 data bytes, but float32 [2,3] ('<f4') needs 24");
}

TEST(NpyReader, RejectsMalformedHeaders) {
  TempDir dir;
  const auto file = dir / "bad.npy";
  struct Case {
    std::string bytes;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"not numpy at all", "not a .npy file"},
      {npy_file(npy_dict("<f4", "(2, 3)"), bytes_of(kSix), 4),
       "unsupported .npy format version 4.0"},
      {npy_file("{'descr': '<f4', 'shape': (2, 3), }", bytes_of(kSix)),
       "missing key 'fortran_order'"},
      {npy_file("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), 'x': 1}",
                bytes_of(kSix)),
       "unknown key 'x'"},
      {npy_file(npy_dict("<f4", "(2, x)"), bytes_of(kSix)), "expected a non-negative integer"},
      {npy_file(npy_dict("<f4", "(2, 3)", "Maybe"), bytes_of(kSix)), "expected True or False"},
      {npy_file("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (2, 3)}",
                bytes_of(kSix)),
       "duplicate key 'descr'"},
      {npy_file(npy_dict("<f4", "(2, 3)") + " extra", bytes_of(kSix)), "unexpected text after '}'"},
      {npy_file(npy_dict("<c8", "(2, 3)"), std::vector<uint8_t>(48)),
       "unsupported .npy dtype '<c8'"},
      {npy_file(npy_dict("|f4", "(2, 3)"), bytes_of(kSix)), "unsupported .npy dtype '|f4'"},
      {std::string("\x93NUMPY\x01\x00\xff\x00{'descr'", 17), "truncated .npy header"},
  };
  for (const Case &c : cases) {
    write_file(file, c.bytes);
    EXPECT_CONTAINS(input_error([&] { testing::read_all(*open_dataset(file, kMatrix)); }),
                    c.expected);
  }
}

TEST(NpyReader, RejectsFortranOrder) {
  TempDir dir;
  write_file(dir / "f.npy", npy_file(npy_dict("<f4", "(2, 3)", "True"), bytes_of(kSix)));
  EXPECT_THROW(testing::read_all(*open_dataset(dir / "f.npy", kMatrix)), UnsupportedError);
}

TEST(NpyReader, SingleFileCannotFeedAMultiInputModel) {
  TempDir dir;
  write_file(dir / "x.npy", npy_file(npy_dict("<f4", "(2, 3)"), bytes_of(kSix)));
  EXPECT_CONTAINS(input_error([&] {
                    open_dataset(dir / "x.npy", {kMatrix[0], {"y", ir::DType::Float32, {1}}});
                  }),
                  "a single .npy file can feed only a single-input model");
}

} // namespace
} // namespace qgold::data
