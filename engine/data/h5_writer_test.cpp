#include "data/dataset.h"
#include "data/test_util.h"

#include <hdf5.h>

#include <gtest/gtest.h>

#include <thread>

namespace qgold::data {
namespace {

using testing::as;
using testing::bytes_of;
using testing::input_error;
using testing::TempDir;

const std::vector<InputSpec> kSpecs = {{"image", ir::DType::Float32, {1, 2, 2}},
                                       {"ids", ir::DType::Int64, {3}},
                                       {"mask", ir::DType::Bool, {2}}};

Record make_record(int i) {
  const float base = static_cast<float>(i);
  return {std::to_string(i) + ".txt",
          {bytes_of(std::vector<float>{base, base + 0.25f, -base, 1e-7f}),
           bytes_of(std::vector<int64_t>{i, -i, int64_t{1} << 40}),
           {static_cast<uint8_t>(i % 2), 1}}};
}

// A variable-length string attribute as the writer stores it, read with the C API.
std::string read_string_attribute(hid_t object, const char *name) {
  hid_t attribute = H5Aopen(object, name, H5P_DEFAULT);
  hid_t type = H5Aget_type(attribute);
  char *text = nullptr;
  std::string value;
  if (H5Tis_variable_str(type) > 0 && H5Aread(attribute, type, &text) >= 0 && text)
    value = text;
  H5free_memory(text);
  H5Tclose(type);
  H5Aclose(attribute);
  return value;
}

TEST(H5Writer, RoundTripsThroughTheReader) {
  TempDir dir;
  const auto file = dir / "gen.h5";
  H5DatasetWriter writer(file, kSpecs);
  for (int i = 0; i < 3; ++i)
    writer.append(make_record(i));
  writer.close();

  auto reader = open_dataset(file, kSpecs);
  ASSERT_EQ(reader->size(), 3u);
  const auto records = testing::read_all(*reader);
  ASSERT_EQ(records.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(records[i].inputs, make_record(i).inputs) << "record " << i;
    EXPECT_EQ(records[i].id, "record " + std::to_string(i));
  }
  EXPECT_EQ(as<float>(records[2].inputs[0]), (std::vector<float>{2.f, 2.25f, -2.f, 1e-7f}));
}

TEST(H5Writer, WritesOnesTypedLayout) {
  TempDir dir;
  const auto file = dir / "gen.h5";
  H5DatasetWriter writer(file, kSpecs);
  writer.append(make_record(1));
  writer.close();

  hid_t h5 = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  ASSERT_GE(h5, 0);
  hid_t value = H5Gopen2(h5, "value", H5P_DEFAULT);
  EXPECT_EQ(read_string_attribute(value, "desc"), "Input data for inputs: image, ids, mask");
  EXPECT_EQ(H5Aexists(value, "rawData"), 0);
  hid_t record = H5Gopen2(value, "0", H5P_DEFAULT);
  EXPECT_EQ(read_string_attribute(record, "desc"), "1.txt");

  struct Expected {
    const char *name;
    hid_t type;
    std::vector<hsize_t> dims;
  };
  for (const Expected &expected :
       {Expected{"0", H5T_IEEE_F32LE, {1, 2, 2}}, Expected{"1", H5T_STD_I64LE, {3}}}) {
    hid_t dataset = H5Dopen2(record, expected.name, H5P_DEFAULT);
    hid_t type = H5Dget_type(dataset);
    hid_t space = H5Dget_space(dataset);
    EXPECT_GT(H5Tequal(type, expected.type), 0) << expected.name;
    std::vector<hsize_t> dims(static_cast<size_t>(H5Sget_simple_extent_ndims(space)));
    H5Sget_simple_extent_dims(space, dims.data(), nullptr);
    EXPECT_EQ(dims, expected.dims) << expected.name;
    H5Sclose(space);
    H5Tclose(type);
    H5Dclose(dataset);
  }
  hid_t mask = H5Dopen2(record, "2", H5P_DEFAULT);
  hid_t mask_type = H5Dget_type(mask);
  EXPECT_EQ(H5Tget_class(mask_type), H5T_ENUM);
  EXPECT_EQ(H5Tget_nmembers(mask_type), 2);
  char *member = H5Tget_member_name(mask_type, 1);
  EXPECT_STREQ(member, "TRUE");
  H5free_memory(member);
  H5Tclose(mask_type);
  H5Dclose(mask);
  H5Gclose(record);
  H5Gclose(value);
  H5Fclose(h5);
}

TEST(H5Writer, QuantizedCodesRoundTripInTheirOwnTypesAndNameTheirTensors) {
  // The codes of a quantized model's inputs or outputs: uint8, int8 and int16 at their limits.
  const std::vector<InputSpec> specs = {{"u8", ir::DType::UInt8, {3}},
                                        {"i8", ir::DType::Int8, {2}},
                                        {"i16", ir::DType::Int16, {2}}};
  const Record record{"codes",
                      {{0, 128, 255},
                       bytes_of(std::vector<int8_t>{-128, 127}),
                       bytes_of(std::vector<int16_t>{-32768, 32767})}};
  TempDir dir;
  const auto file = dir / "codes.h5";
  H5DatasetWriter writer(file, specs);
  writer.append(record);
  writer.close();
  EXPECT_EQ(testing::read_all(*open_dataset(file, specs)).at(0).inputs, record.inputs);

  hid_t h5 = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  ASSERT_GE(h5, 0);
  hid_t group = H5Gopen2(h5, "value/0", H5P_DEFAULT);
  const std::pair<const char *, hid_t> expected[] = {
      {"0", H5T_STD_U8LE}, {"1", H5T_STD_I8LE}, {"2", H5T_STD_I16LE}};
  for (size_t j = 0; j < 3; ++j) {
    hid_t dataset = H5Dopen2(group, expected[j].first, H5P_DEFAULT);
    hid_t type = H5Dget_type(dataset);
    EXPECT_GT(H5Tequal(type, expected[j].second), 0) << j;
    EXPECT_EQ(read_string_attribute(dataset, "name"), specs[j].name);
    H5Tclose(type);
    H5Dclose(dataset);
  }
  H5Gclose(group);
  H5Fclose(h5);
}

TEST(H5Writer, RejectsRecordsThatDoNotMatchTheSpecs) {
  TempDir dir;
  H5DatasetWriter writer(dir / "gen.h5", kSpecs);
  Record record = make_record(0);
  record.inputs.pop_back();
  EXPECT_EQ(input_error([&] { writer.append(record); }),
            (dir / "gen.h5").string() + ": record 0 ('0.txt'): has 2 inputs, the model has 3");
  record = make_record(0);
  record.inputs[1].resize(16);
  EXPECT_CONTAINS(input_error([&] { writer.append(record); }),
                  "record 0 ('0.txt'), input 1 ('ids'): holds 16 bytes, int64 [3] needs 24");
  record = make_record(0);
  record.inputs[2][0] = 2;
  EXPECT_CONTAINS(input_error([&] { writer.append(record); }),
                  "input 2 ('mask'): bool values must be 0 or 1, got 2");
}

TEST(H5Writer, RejectsUnwritableTargetsAndDtypes) {
  TempDir dir;
  EXPECT_CONTAINS(input_error([&] { H5DatasetWriter(dir / "missing" / "gen.h5", kSpecs); }),
                  (dir / "missing" / "gen.h5").string() + ": cannot create a temporary file");
  EXPECT_THROW(H5DatasetWriter(dir / "half.h5", {{"h", ir::DType::Float16, {2}}}),
               UnsupportedError);
}

// The writer stages its file (format/output_file.h): the target appears only at
// close(); a writer destroyed before (an error on the way) leaves the previous
// file and no temporary.
TEST(H5Writer, TargetChangesOnlyAtClose) {
  TempDir dir;
  const auto file = dir / "gen.h5";
  testing::write_file(file, "previous");
  {
    H5DatasetWriter writer(file, kSpecs);
    writer.append(make_record(0));
    EXPECT_EQ(testing::file_names(dir.path()).size(), 2u); // gen.h5 and the temporary
  }
  EXPECT_EQ(testing::file_names(dir.path()), std::vector<std::string>{"gen.h5"});
  std::ifstream in(file);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "previous");

  H5DatasetWriter writer(file, kSpecs);
  writer.append(make_record(0));
  writer.close();
  EXPECT_EQ(testing::file_names(dir.path()), std::vector<std::string>{"gen.h5"});
  EXPECT_EQ(testing::read_all(*open_dataset(file, kSpecs)).size(), 1u);
}

TEST(H5Writer, ThreadsMayWriteAndReadDifferentFilesAtOnce) {
  TempDir dir;
  std::vector<char> matched(4, 0);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < matched.size(); ++t)
    threads.emplace_back([&, t] {
      const auto file = dir / ("thread" + std::to_string(t) + ".h5");
      H5DatasetWriter writer(file, kSpecs);
      for (int i = 0; i < 20; ++i)
        writer.append(make_record(i));
      writer.close();
      const auto records = testing::read_all(*open_dataset(file, kSpecs));
      bool same = records.size() == 20;
      for (int i = 0; same && i < 20; ++i)
        same = records[i].inputs == make_record(i).inputs;
      matched[t] = same;
    });
  for (auto &thread : threads)
    thread.join();
  EXPECT_EQ(matched, std::vector<char>(4, 1));
}

} // namespace
} // namespace qgold::data
