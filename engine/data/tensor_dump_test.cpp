#include "data/tensor_dump.h"
#include "data/test_util.h"

#include <hdf5.h>

#include <gtest/gtest.h>

namespace qgold::data {
namespace {

using testing::input_error;
using testing::TempDir;

ir::Tensor constant(std::string name, ir::DType dtype, ir::Shape shape,
                    std::vector<uint8_t> bytes) {
  ir::Tensor tensor{std::move(name), dtype, std::move(shape), std::move(bytes), std::nullopt};
  return tensor;
}

template <typename T> std::vector<uint8_t> bytes(std::vector<T> values) {
  return testing::bytes_of(values);
}

// Reads one dataset of a dump with the HDF5 C API.
struct DumpedDataset {
  bool exists = false;
  bool type_matches = false;
  std::vector<hsize_t> dims;
  std::vector<uint8_t> data;
};

DumpedDataset read_dataset(hid_t file, const std::string &path, hid_t expected_type,
                           hid_t memory_type) {
  DumpedDataset out;
  if (H5Lexists(file, path.substr(0, path.find('/')).c_str(), H5P_DEFAULT) <= 0 ||
      H5Lexists(file, path.c_str(), H5P_DEFAULT) <= 0)
    return out;
  out.exists = true;
  hid_t dataset = H5Dopen2(file, path.c_str(), H5P_DEFAULT);
  hid_t type = H5Dget_type(dataset);
  hid_t space = H5Dget_space(dataset);
  out.type_matches = H5Tequal(type, expected_type) > 0;
  out.dims.resize(static_cast<size_t>(H5Sget_simple_extent_ndims(space)));
  H5Sget_simple_extent_dims(space, out.dims.data(), nullptr);
  out.data.resize(static_cast<size_t>(H5Sget_simple_extent_npoints(space)) *
                  H5Tget_size(memory_type));
  H5Dread(dataset, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data.data());
  H5Sclose(space);
  H5Tclose(type);
  H5Dclose(dataset);
  return out;
}

ir::Model make_model() {
  ir::Model model;
  ir::Tensor ifm{"ifm", ir::DType::Float32, {1, 2, 2, 1}, std::nullopt, std::nullopt};
  ifm.quant = ir::QuantParams{{-1.5f}, {2.5f}, {}, {}, 0};
  model.tensors.push_back(ifm);
  ir::Tensor kernel =
      constant("conv/kernel", ir::DType::Int8, {2, 1, 1, 1}, bytes<int8_t>({-127, 64}));
  kernel.quant = ir::QuantParams{{}, {}, {0.5f, 0.25f}, {0, 0}, 3};
  model.tensors.push_back(kernel);
  model.tensors.push_back(constant("bias", ir::DType::Int32, {2}, bytes<int32_t>({-70000, 3})));
  model.tensors.push_back(constant("u8", ir::DType::UInt8, {3}, {0, 128, 255}));
  model.tensors.push_back(constant("i16", ir::DType::Int16, {1, 2}, bytes<int16_t>({-32768, 7})));
  model.tensors.push_back(
      constant("i64", ir::DType::Int64, {1}, bytes<int64_t>({int64_t{1} << 40})));
  model.tensors.push_back(constant("scalar", ir::DType::Float32, {}, bytes<float>({0.75f})));
  model.tensors.push_back({"", ir::DType::Float32, {1}, std::nullopt, std::nullopt});
  return model;
}

TEST(TensorDump, WritesCircleTensordumpLayout) {
  TempDir dir;
  const auto file = dir / "dump.h5";
  dump_tensors_h5(make_model(), file);
  EXPECT_EQ(testing::file_names(dir.path()), std::vector<std::string>{"dump.h5"}); // no temporary

  hid_t h5 = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  ASSERT_GE(h5, 0);
  H5G_info_t root;
  H5Gget_info(h5, &root);
  EXPECT_EQ(root.nlinks, 7u); // the unnamed tensor is skipped

  // Activation: min/max and quantized_dimension only.
  EXPECT_FALSE(read_dataset(h5, "ifm/weights", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT).exists);
  EXPECT_FALSE(read_dataset(h5, "ifm/scale", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT).exists);
  EXPECT_FALSE(read_dataset(h5, "ifm/zero_point", H5T_STD_I64LE, H5T_NATIVE_INT64).exists);
  const auto min = read_dataset(h5, "ifm/min", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT);
  ASSERT_TRUE(min.exists);
  EXPECT_TRUE(min.type_matches);
  EXPECT_EQ(min.dims, std::vector<hsize_t>{1});
  EXPECT_EQ(testing::as<float>(min.data), std::vector<float>{-1.5f});
  EXPECT_EQ(testing::as<float>(read_dataset(h5, "ifm/max", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT).data),
            std::vector<float>{2.5f});
  const auto ifm_axis =
      read_dataset(h5, "ifm/quantized_dimension", H5T_STD_I32LE, H5T_NATIVE_INT32);
  ASSERT_TRUE(ifm_axis.exists);
  EXPECT_TRUE(ifm_axis.dims.empty()); // scalar

  // '/' in the name becomes '_'; per-channel weights.
  const auto weights = read_dataset(h5, "conv_kernel/weights", H5T_STD_I8LE, H5T_NATIVE_INT8);
  ASSERT_TRUE(weights.exists);
  EXPECT_TRUE(weights.type_matches);
  EXPECT_EQ(weights.dims, (std::vector<hsize_t>{2, 1, 1, 1}));
  EXPECT_EQ(testing::as<int8_t>(weights.data), (std::vector<int8_t>{-127, 64}));
  EXPECT_EQ(testing::as<float>(
                read_dataset(h5, "conv_kernel/scale", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT).data),
            (std::vector<float>{0.5f, 0.25f}));
  const auto zero_point =
      read_dataset(h5, "conv_kernel/zero_point", H5T_STD_I64LE, H5T_NATIVE_INT64);
  EXPECT_TRUE(zero_point.type_matches);
  EXPECT_EQ(testing::as<int64_t>(zero_point.data), (std::vector<int64_t>{0, 0}));
  EXPECT_EQ(testing::as<int32_t>(
                read_dataset(h5, "conv_kernel/quantized_dimension", H5T_STD_I32LE, H5T_NATIVE_INT32)
                    .data),
            std::vector<int32_t>{3});
  EXPECT_FALSE(read_dataset(h5, "conv_kernel/min", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT).exists);

  // Constants without quantization: weights only, each with its own element type.
  const auto bias = read_dataset(h5, "bias/weights", H5T_STD_I32LE, H5T_NATIVE_INT32);
  EXPECT_TRUE(bias.type_matches);
  EXPECT_EQ(testing::as<int32_t>(bias.data), (std::vector<int32_t>{-70000, 3}));
  EXPECT_FALSE(
      read_dataset(h5, "bias/quantized_dimension", H5T_STD_I32LE, H5T_NATIVE_INT32).exists);
  const auto u8 = read_dataset(h5, "u8/weights", H5T_STD_U8LE, H5T_NATIVE_UINT8);
  EXPECT_TRUE(u8.type_matches);
  EXPECT_EQ(u8.data, (std::vector<uint8_t>{0, 128, 255}));
  const auto i16 = read_dataset(h5, "i16/weights", H5T_STD_I16LE, H5T_NATIVE_INT16);
  EXPECT_TRUE(i16.type_matches);
  EXPECT_EQ(i16.dims, (std::vector<hsize_t>{1, 2}));
  EXPECT_EQ(testing::as<int16_t>(i16.data), (std::vector<int16_t>{-32768, 7}));
  const auto i64 = read_dataset(h5, "i64/weights", H5T_STD_I64LE, H5T_NATIVE_INT64);
  EXPECT_TRUE(i64.type_matches);
  EXPECT_EQ(testing::as<int64_t>(i64.data), std::vector<int64_t>{int64_t{1} << 40});
  const auto scalar = read_dataset(h5, "scalar/weights", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT);
  EXPECT_TRUE(scalar.type_matches);
  EXPECT_TRUE(scalar.dims.empty());
  EXPECT_EQ(testing::as<float>(scalar.data), std::vector<float>{0.75f});
  H5Fclose(h5);
}

TEST(TensorDump, RejectsNamesThatMangleToTheSameGroup) {
  TempDir dir;
  ir::Model model;
  model.tensors.push_back(constant("a/b", ir::DType::UInt8, {1}, {1}));
  model.tensors.push_back(constant("c", ir::DType::UInt8, {1}, {1}));
  model.tensors.push_back(constant("a_b", ir::DType::UInt8, {1}, {2}));
  const auto file = dir / "dump.h5";
  EXPECT_EQ(input_error([&] { dump_tensors_h5(model, file); }),
            file.string() + ": tensor 0 ('a/b') and tensor 2 ('a_b') both dump to group 'a_b'");
  EXPECT_TRUE(testing::file_names(dir.path()).empty());
}

TEST(TensorDump, RejectsInconsistentOrUnsupportedConstants) {
  TempDir dir;
  const auto file = dir / "dump.h5";
  ir::Model short_data;
  short_data.tensors.push_back(constant("w", ir::DType::Float32, {2}, {0, 0, 0}));
  EXPECT_EQ(input_error([&] { dump_tensors_h5(short_data, file); }),
            file.string() + ": tensor 0 ('w'): holds 3 bytes of data, float32 [2] needs 8");
  ir::Model boolean;
  boolean.tensors.push_back(constant("flag", ir::DType::Bool, {1}, {1}));
  EXPECT_THROW(dump_tensors_h5(boolean, file), UnsupportedError);
  EXPECT_FALSE(std::filesystem::exists(file));
}

TEST(TensorDump, ReplacesAnExistingDump) {
  TempDir dir;
  const auto file = dir / "dump.h5";
  testing::write_file(file, "old contents");
  ir::Model model;
  model.tensors.push_back(constant("w", ir::DType::UInt8, {1}, {9}));
  dump_tensors_h5(model, file);
  hid_t h5 = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  ASSERT_GE(h5, 0);
  EXPECT_EQ(read_dataset(h5, "w/weights", H5T_STD_U8LE, H5T_NATIVE_UINT8).data,
            std::vector<uint8_t>{9});
  H5Fclose(h5);
}

// The library writes under qgold's output policy on its own, as the CLI does:
// through a symlink its target is replaced and the link survives.
TEST(TensorDump, WritesThroughASymlinkLikeEveryOutput) {
  TempDir dir;
  std::filesystem::create_symlink("target.h5", dir / "link.h5");
  ir::Model model;
  model.tensors.push_back(constant("w", ir::DType::UInt8, {1}, {9}));
  dump_tensors_h5(model, dir / "link.h5");
  EXPECT_TRUE(std::filesystem::is_symlink(dir / "link.h5"));
  EXPECT_EQ(testing::file_names(dir.path()), (std::vector<std::string>{"link.h5", "target.h5"}));
  hid_t h5 = H5Fopen((dir / "target.h5").c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  ASSERT_GE(h5, 0);
  H5Fclose(h5);
}

} // namespace
} // namespace qgold::data
