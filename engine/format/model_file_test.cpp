#include "format/model_file.h"

#include "format/sample_models.h"
#include "format/temp_dir_test.h"
#include "ir/error.h"

#include <gtest/gtest.h>

#include <fstream>

namespace qgold::format {
namespace {

namespace fs = std::filesystem;

class ModelFileTest : public testing::TempDirTest {};

TEST(FormatFromPath, UsesTheExtension) {
  EXPECT_EQ(format_from_path("a/b/model.circle"), FileFormat::Circle);
  EXPECT_EQ(format_from_path("model.tflite"), FileFormat::TFLite);
  EXPECT_THROW(format_from_path("model.onnx"), InputError);
  EXPECT_THROW(format_from_path("model"), InputError);
  EXPECT_THROW(format_from_path("model.circle.bak"), InputError);
}

TEST_F(ModelFileTest, WritesAndReadsBothFormats) {
  const ir::Model model = testing::conv_model();
  write_model_file(model, dir_ / "conv.circle");
  write_model_file(model, dir_ / "conv.tflite");
  EXPECT_EQ(entries(), (std::vector<std::string>{"conv.circle", "conv.tflite"}));
  testing::expect_same_model(read_model_file(dir_ / "conv.circle"), model);
  testing::expect_same_model(read_model_file(dir_ / "conv.tflite"), model);

  std::ifstream in(dir_ / "conv.tflite", std::ios::binary);
  char header[8] = {};
  in.read(header, 8);
  EXPECT_EQ(std::string(header + 4, 4), "TFL3");
}

TEST_F(ModelFileTest, OverwritesAnExistingFile) {
  write_model_file(testing::every_op_model(true), dir_ / "m.circle");
  write_model_file(testing::conv_model(), dir_ / "m.circle");
  EXPECT_EQ(read_model_file(dir_ / "m.circle").operators.size(), 1u);
  EXPECT_EQ(entries(), std::vector<std::string>{"m.circle"});
}

TEST_F(ModelFileTest, ReplacesTheTargetOfASymlink) {
  write_model_file(testing::every_op_model(true), dir_ / "real.circle");
  fs::create_symlink("real.circle", dir_ / "link.circle");
  write_model_file(testing::conv_model(), dir_ / "link.circle");
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.circle"));
  EXPECT_EQ(read_model_file(dir_ / "real.circle").operators.size(), 1u);
  EXPECT_EQ(entries(), (std::vector<std::string>{"link.circle", "real.circle"}));
}

TEST_F(ModelFileTest, ReadingValidatesTheModel) {
  // The writer stores what it is given; the reader refuses a graph output
  // that no operator produces and that is not a graph input.
  ir::Model model = testing::conv_model();
  ir::Tensor orphan;
  orphan.name = "orphan";
  orphan.shape = {1};
  model.outputs.push_back(model.add_tensor(orphan));
  write_model_file(model, dir_ / "orphan.circle");
  try {
    read_model_file(dir_ / "orphan.circle");
    ADD_FAILURE() << "the model was accepted";
  } catch (const InputError &e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("orphan.circle: "), std::string::npos) << message;
    EXPECT_NE(message.find("'orphan': graph output is dangling: no operator produces it"), std::string::npos)
        << message;
  }
}

TEST_F(ModelFileTest, FailedWriteLeavesNoTemporaryFile) {
  // The destination is a folder: an error, and nothing written beside or into it.
  fs::create_directory(dir_ / "taken.circle");
  EXPECT_THROW(write_model_file(testing::conv_model(), dir_ / "taken.circle"), InputError);
  EXPECT_EQ(entries(), std::vector<std::string>{"taken.circle"});
  EXPECT_TRUE(fs::is_empty(dir_ / "taken.circle"));
}

TEST_F(ModelFileTest, UnsupportedModelCreatesNoFile) {
  EXPECT_THROW(write_model_file(testing::every_op_model(true), dir_ / "m.tflite"), UnsupportedError);
  EXPECT_TRUE(entries().empty());
}

TEST_F(ModelFileTest, MissingFolderIsAnInputError) {
  EXPECT_THROW(write_model_file(testing::conv_model(), dir_ / "missing" / "m.circle"), InputError);
}

TEST_F(ModelFileTest, ReadErrorsNameTheFile) {
  const fs::path missing = dir_ / "missing.circle";
  try {
    read_model_file(missing);
    FAIL() << "no error";
  } catch (const InputError &e) {
    EXPECT_EQ(std::string(e.what()).rfind(missing.string() + ": ", 0), 0u) << e.what();
  }
  const fs::path junk = dir_ / "junk.circle";
  std::ofstream(junk) << "this is not a flatbuffer";
  try {
    read_model_file(junk);
    FAIL() << "no error";
  } catch (const InputError &e) {
    EXPECT_NE(std::string(e.what()).find(junk.string() + ": file identifier"), std::string::npos) << e.what();
  }
}

} // namespace
} // namespace qgold::format
