#include "data/dataset.h"
#include "data/test_util.h"

#include <hdf5.h>

#include <gtest/gtest.h>

namespace qgold::data {
namespace {

using testing::as;
using testing::bytes_of;
using testing::input_error;
using testing::TempDir;

// One dataset as a test writes it: stored type, in-memory type of `data`, extent.
struct StoredInput {
  std::string name;
  hid_t file_type;
  hid_t memory_type;
  std::vector<hsize_t> dims; // empty = scalar
  std::vector<uint8_t> data;
};

struct StoredRecord {
  std::string name;
  std::vector<StoredInput> inputs;
};

// Writes /value/<record>/<input> with the HDF5 C API, independently of the reader.
void write_h5(const std::filesystem::path &path, const std::vector<StoredRecord> &records,
              bool raw = false) {
  hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  hid_t value = H5Gcreate2(file, "value", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  if (raw) {
    hid_t space = H5Screate(H5S_SCALAR);
    hid_t attribute = H5Acreate2(value, "rawData", H5T_STD_I32LE, space, H5P_DEFAULT, H5P_DEFAULT);
    const int32_t one = 1;
    H5Awrite(attribute, H5T_NATIVE_INT32, &one);
    H5Aclose(attribute);
    H5Sclose(space);
  }
  for (const StoredRecord &record : records) {
    hid_t group = H5Gcreate2(value, record.name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    for (const StoredInput &input : record.inputs) {
      hid_t space = input.dims.empty() ? H5Screate(H5S_SCALAR)
                                       : H5Screate_simple(static_cast<int>(input.dims.size()),
                                                          input.dims.data(), nullptr);
      hid_t dataset = H5Dcreate2(group, input.name.c_str(), input.file_type, space, H5P_DEFAULT,
                                 H5P_DEFAULT, H5P_DEFAULT);
      EXPECT_GE(
          H5Dwrite(dataset, input.memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, input.data.data()),
          0);
      H5Dclose(dataset);
      H5Sclose(space);
    }
    H5Gclose(group);
  }
  H5Gclose(value);
  H5Fclose(file);
}

std::vector<float> iota_floats(size_t count, float start) {
  std::vector<float> values(count);
  for (size_t i = 0; i < count; ++i)
    values[i] = start + 0.5f * static_cast<float>(i);
  return values;
}

StoredInput float_input(std::string name, std::vector<hsize_t> dims,
                        const std::vector<float> &values, hid_t file_type = H5T_IEEE_F32LE) {
  return {std::move(name), file_type, H5T_NATIVE_FLOAT, std::move(dims), bytes_of(values)};
}

const std::vector<InputSpec> kIfm = {{"ifm", ir::DType::Float32, {1, 4, 3, 2}}};

TEST(H5Reader, ReadsTypedLittleEndianRecordsInOrder) {
  TempDir dir;
  const auto file = dir / "data.h5";
  write_h5(file, {{"0", {float_input("0", {1, 4, 3, 2}, iota_floats(24, 0.f))}},
                  {"1", {float_input("0", {1, 4, 3, 2}, iota_floats(24, 100.f))}}});
  auto reader = open_dataset(file, kIfm);
  ASSERT_EQ(reader->size(), 2u);
  const auto records = testing::read_all(*reader);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].id, "record 0");
  EXPECT_EQ(records[0].where(), file.string() + ": record 0"); // messages name the file
  ASSERT_EQ(records[0].inputs.size(), 1u);
  EXPECT_EQ(as<float>(records[0].inputs[0]), iota_floats(24, 0.f));
  EXPECT_EQ(as<float>(records[1].inputs[0])[23], 111.5f); // 100 + 0.5 * 23
}

TEST(H5Reader, ConvertsBigEndianDatasetsToLittleEndian) {
  TempDir dir;
  const auto file = dir / "be.h5";
  const std::vector<int32_t> ints = {1, -2, 70000};
  const std::vector<int64_t> longs = {int64_t{1} << 40, -5};
  write_h5(file, {{"0",
                   {float_input("0", {2}, {1.5f, -2.25f}, H5T_IEEE_F32BE),
                    {"1", H5T_STD_I32BE, H5T_NATIVE_INT32, {3}, bytes_of(ints)},
                    {"2", H5T_STD_I64BE, H5T_NATIVE_INT64, {2}, bytes_of(longs)}}}});
  const std::vector<InputSpec> specs = {
      {"f", ir::DType::Float32, {2}}, {"i", ir::DType::Int32, {3}}, {"l", ir::DType::Int64, {2}}};
  const auto records = testing::read_all(*open_dataset(file, specs));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(as<float>(records[0].inputs[0]), (std::vector<float>{1.5f, -2.25f}));
  EXPECT_EQ(as<int32_t>(records[0].inputs[1]), ints);
  EXPECT_EQ(as<int64_t>(records[0].inputs[2]), longs);
}

TEST(H5Reader, ReadsNumpyStyleBoolEnum) {
  TempDir dir;
  const auto file = dir / "bool.h5";
  hid_t type = H5Tenum_create(H5T_NATIVE_INT8);
  const int8_t no = 0, yes = 1;
  H5Tenum_insert(type, "FALSE", &no);
  H5Tenum_insert(type, "TRUE", &yes);
  write_h5(file, {{"0", {{"0", type, type, {4}, {1, 0, 0, 1}}}}});
  H5Tclose(type);
  const auto records = testing::read_all(*open_dataset(file, {{"mask", ir::DType::Bool, {4}}}));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].inputs[0], (std::vector<uint8_t>{1, 0, 0, 1}));
}

TEST(H5Reader, ReadsScalarInputs) {
  TempDir dir;
  const auto file = dir / "scalar.h5";
  write_h5(file, {{"0", {float_input("0", {}, {7.25f})}}});
  const auto records = testing::read_all(*open_dataset(file, {{"s", ir::DType::Float32, {}}}));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(as<float>(records[0].inputs[0]), std::vector<float>{7.25f});
}

TEST(H5Reader, RawModeCopiesBytesAndChecksOnlyTheSize) {
  TempDir dir;
  const auto file = dir / "raw.h5";
  const std::vector<uint8_t> bytes = bytes_of(iota_floats(24, -3.f));
  write_h5(file, {{"0", {{"0", H5T_STD_U8LE, H5T_NATIVE_UINT8, {96}, bytes}}}}, true);
  const auto records = testing::read_all(*open_dataset(file, kIfm));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].inputs[0], bytes);
}

TEST(H5Reader, RawModeRejectsWrongByteCount) {
  TempDir dir;
  const auto file = dir / "raw.h5";
  write_h5(file, {{"0", {{"0", H5T_STD_U8LE, H5T_NATIVE_UINT8, {20}, std::vector<uint8_t>(20)}}}},
           true);
  const std::string message = input_error([&] { testing::read_all(*open_dataset(file, kIfm)); });
  EXPECT_EQ(message, file.string() + ": record 0, input 0 ('ifm'): raw record holds 20 bytes, "
                                     "float32 [1,4,3,2] needs 96");
}

TEST(H5Reader, RawModeRejectsNonByteDatasets) {
  TempDir dir;
  const auto file = dir / "raw.h5";
  write_h5(file, {{"0", {float_input("0", {24}, iota_floats(24, 0.f))}}}, true);
  const std::string message = input_error([&] { testing::read_all(*open_dataset(file, kIfm)); });
  EXPECT_CONTAINS(message, "record 0, input 0 ('ifm'): raw records (rawData on /value) must be "
                           "uint8 datasets, got float32 [24]");
}

TEST(H5Reader, RejectsWrongDtypeNamingRecordAndInput) {
  TempDir dir;
  const auto file = dir / "file.h5";
  std::vector<int16_t> shorts(12, 3);
  write_h5(file, {{"0", {float_input("0", {1, 4, 3, 2}, iota_floats(24, 0.f))}},
                  {"1", {float_input("0", {1, 4, 3, 2}, iota_floats(24, 0.f))}},
                  {"2", {float_input("0", {1, 4, 3, 2}, iota_floats(24, 0.f))}},
                  {"3", {{"0", H5T_STD_I16LE, H5T_NATIVE_INT16, {1, 4, 3}, bytes_of(shorts)}}}});
  // Reported by open_dataset, which reads every record behind the crash barrier first.
  EXPECT_EQ(input_error([&] { open_dataset(file, kIfm); }),
            file.string() +
                ": record 3, input 0 ('ifm'): expected float32 [1,4,3,2], got int16 [1,4,3]");
}

TEST(H5Reader, RejectsWrongShape) {
  TempDir dir;
  const auto file = dir / "shape.h5";
  write_h5(file, {{"0", {float_input("0", {1, 4, 3, 3}, iota_floats(36, 0.f))}}});
  EXPECT_EQ(input_error([&] { testing::read_all(*open_dataset(file, kIfm)); }),
            file.string() +
                ": record 0, input 0 ('ifm'): expected float32 [1,4,3,2], got float32 [1,4,3,3]");
}

TEST(H5Reader, RejectsFloat64ForFloat32Input) {
  TempDir dir;
  const auto file = dir / "double.h5";
  const std::vector<double> doubles(24, 0.5);
  write_h5(file,
           {{"0", {{"0", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, {1, 4, 3, 2}, bytes_of(doubles)}}}});
  EXPECT_CONTAINS(input_error([&] { testing::read_all(*open_dataset(file, kIfm)); }),
                  "expected float32 [1,4,3,2], got float64 [1,4,3,2]");
}

TEST(H5Reader, RejectsMissingRecord) {
  TempDir dir;
  const auto file = dir / "gap.h5";
  write_h5(file, {{"0", {float_input("0", {1, 4, 3, 2}, iota_floats(24, 0.f))}},
                  {"2", {float_input("0", {1, 4, 3, 2}, iota_floats(24, 0.f))}}});
  // open_dataset reads every record behind the crash barrier first, so the
  // gap is reported before any record is handed out.
  const std::string message = input_error([&] { open_dataset(file, kIfm); });
  EXPECT_CONTAINS(message, file.string() + ": record 1: no group /value/1");
  EXPECT_CONTAINS(message, "named 0..1");
}

TEST(H5Reader, RejectsWrongInputCount) {
  TempDir dir;
  const auto file = dir / "count.h5";
  write_h5(file, {{"0",
                   {float_input("0", {1, 4, 3, 2}, iota_floats(24, 0.f)),
                    float_input("1", {1, 4, 3, 2}, iota_floats(24, 0.f))}}});
  EXPECT_EQ(input_error([&] { testing::read_all(*open_dataset(file, kIfm)); }),
            file.string() + ": record 0: holds 2 inputs, the model has 1");
}

TEST(H5Reader, RejectsMissingInputDataset) {
  TempDir dir;
  const auto file = dir / "names.h5";
  write_h5(file, {{"0", {float_input("0", {2}, {1.f, 2.f}), float_input("x", {2}, {1.f, 2.f})}}});
  const std::vector<InputSpec> specs = {{"a", ir::DType::Float32, {2}},
                                        {"b", ir::DType::Float32, {2}}};
  EXPECT_CONTAINS(input_error([&] { testing::read_all(*open_dataset(file, specs)); }),
                  "record 0, input 1 ('b'): no dataset /value/0/1");
}

TEST(H5Reader, RejectsEmptyValueGroup) {
  TempDir dir;
  const auto file = dir / "empty.h5";
  write_h5(file, {});
  EXPECT_EQ(input_error([&] { open_dataset(file, kIfm); }),
            file.string() + ": /value holds no records");
}

TEST(H5Reader, RejectsFileWithoutValueGroup) {
  TempDir dir;
  const auto file = dir / "novalue.h5";
  hid_t handle = H5Fcreate(file.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  H5Fclose(handle);
  EXPECT_CONTAINS(input_error([&] { open_dataset(file, kIfm); }),
                  file.string() + ": no group /value");
}

TEST(H5Reader, RejectsGarbageFile) {
  TempDir dir;
  const auto file = dir / "garbage.h5";
  testing::write_file(file, "this is not an HDF5 file at all, just some text\n");
  EXPECT_CONTAINS(input_error([&] { open_dataset(file, kIfm); }),
                  file.string() + ": cannot open as an HDF5 file");
}

TEST(H5Reader, RejectsTruncatedFileWithoutCrashing) {
  TempDir dir;
  const auto file = dir / "truncated.h5";
  std::vector<StoredRecord> records;
  for (int i = 0; i < 8; ++i)
    records.push_back({std::to_string(i),
                       {float_input("0", {1, 4, 3, 2}, iota_floats(24, static_cast<float>(i)))}});
  write_h5(file, records);
  const auto size = std::filesystem::file_size(file);
  for (const auto keep : {size / 8, size / 2, size - 100}) {
    std::filesystem::resize_file(file, keep);
    const std::string message = input_error([&] { testing::read_all(*open_dataset(file, kIfm)); });
    EXPECT_CONTAINS(message, file.string() + ": ");
  }
}

TEST(H5Reader, AcceptsExactIntegerTypesForQuantizedInputs) {
  TempDir dir;
  const auto file = dir / "u8.h5";
  write_h5(file, {{"0", {{"0", H5T_STD_U8LE, H5T_NATIVE_UINT8, {3}, {0, 128, 255}}}}});
  const auto records = testing::read_all(*open_dataset(file, {{"q", ir::DType::UInt8, {3}}}));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].inputs[0], (std::vector<uint8_t>{0, 128, 255}));
}

TEST(H5Reader, TypedModeCannotFeedFloat16Inputs) {
  TempDir dir;
  const auto file = dir / "half.h5";
  write_h5(file, {{"0", {{"0", H5T_STD_U8LE, H5T_NATIVE_UINT8, {4}, {0, 0, 0, 0}}}}});
  try {
    open_dataset(file, {{"h", ir::DType::Float16, {2}}});
    FAIL() << "expected UnsupportedError";
  } catch (const UnsupportedError &error) {
    EXPECT_CONTAINS(error.what(), "input 0 ('h')");
    EXPECT_CONTAINS(error.what(), "rawData");
  }
}

} // namespace
} // namespace qgold::data
