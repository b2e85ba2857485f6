#include "data/dataset.h"
#include "data/test_util.h"

#include <gtest/gtest.h>

namespace qgold::data {
namespace {

using testing::input_error;
using testing::TempDir;
using testing::write_file;

TEST(InputSpecs, FollowsTheGraphInputOrder) {
  ir::Model model;
  model.tensors.push_back({"a", ir::DType::Float32, {1, 3}, std::nullopt, std::nullopt});
  model.tensors.push_back({"w", ir::DType::Float32, {3}, std::vector<uint8_t>(12), std::nullopt});
  model.tensors.push_back({"b", ir::DType::Int64, {2}, std::nullopt, std::nullopt});
  model.inputs = {2, 0};
  const auto specs = input_specs(model);
  ASSERT_EQ(specs.size(), 2u);
  EXPECT_EQ(specs[0].name, "b");
  EXPECT_EQ(specs[0].dtype, ir::DType::Int64);
  EXPECT_EQ(specs[0].shape, (ir::Shape{2}));
  EXPECT_EQ(specs[1].name, "a");
  EXPECT_EQ(specs[1].shape, (ir::Shape{1, 3}));

  model.inputs = {5};
  EXPECT_CONTAINS(input_error([&] { input_specs(model); }),
                  "graph input 0 refers to tensor 5, but the model has 3 tensors");
}

const std::vector<InputSpec> kSpecs = {{"x", ir::DType::Float32, {2}}};

TEST(OpenDataset, NamesAcceptedLayoutsForUnknownInput) {
  TempDir dir;
  write_file(dir / "data.csv", "1,2\n");
  const std::string message = input_error([&] { open_dataset(dir / "data.csv", kSpecs); });
  EXPECT_CONTAINS(message, (dir / "data.csv").string() + ": unrecognized dataset");
  EXPECT_CONTAINS(message, "*.h5");
  EXPECT_CONTAINS(message, "*.txt");
  EXPECT_CONTAINS(message, "*.npy");
  EXPECT_CONTAINS(input_error([&] { open_dataset(dir.path(), kSpecs); }),
                  "holds no .txt or .npy files");
  EXPECT_EQ(input_error([&] { open_dataset(dir / "absent.h5", kSpecs); }),
            (dir / "absent.h5").string() + ": no such file or folder");
}

TEST(OpenDataset, RejectsFoldersMixingTextAndNumpy) {
  TempDir dir;
  write_file(dir / "0.txt", "1,2\n");
  write_file(dir / "1.npy", "");
  EXPECT_CONTAINS(input_error([&] { open_dataset(dir.path(), kSpecs); }),
                  "holds both .txt and .npy files");
}

TEST(OpenDataset, DispatchesOnUpperCaseExtensions) {
  TempDir dir;
  write_file(dir / "R.TXT", "1,2\n");
  EXPECT_EQ(testing::read_all(*open_dataset(dir / "R.TXT", kSpecs)).size(), 1u);
}

TEST(OpenDataset, RejectsSpecsNoDatasetCanFeed) {
  TempDir dir;
  write_file(dir / "0.txt", "1,2\n");
  EXPECT_THROW(open_dataset(dir.path(), {{"dyn", ir::DType::Float32, {-1, 2}}}), UnsupportedError);
  EXPECT_THROW(open_dataset(dir.path(), {{"s", ir::DType::String, {1}}}), UnsupportedError);
  EXPECT_CONTAINS(input_error([&] { open_dataset(dir.path(), {}); }), "the model has no inputs");
}

} // namespace
} // namespace qgold::data
