// What converter-made models carry besides one graph of builtin ops: further
// subgraphs, custom ops, signature defs, metadata, shape signatures, sparse
// constants and data stored after the FlatBuffer. All of it survives a
// write and a read, in both formats.

#include "format/model_file.h"

#include "format/sample_models.h"
#include "ir/error.h"
#include "ir/sparse.h"

#include <gtest/gtest.h>

namespace qgold::format {
namespace {

ir::Tensor tensor(std::string name, ir::Shape shape) {
  ir::Tensor t;
  t.name = std::move(name);
  t.shape = std::move(shape);
  return t;
}

// conv_model plus everything else a converter may write.
ir::Model converter_model() {
  ir::Model model = testing::conv_model();
  model.tensors[0].shape_signature = {-1, 3, 3, 2};
  // A sparse constant and a custom op reading it.
  ir::Tensor sparse = tensor("sparse_w", {2, 3});
  const std::vector<float> dense{0, 1, 0, 2, 0, 3};
  std::vector<uint8_t> bytes(dense.size() * 4);
  std::memcpy(bytes.data(), dense.data(), bytes.size());
  const ir::SparseData stored = ir::sparsify_last_dim(sparse.shape, bytes, 4);
  sparse.sparsity = stored.sparsity;
  sparse.data = stored.values;
  const int32_t sparse_index = model.add_tensor(sparse);
  const int32_t custom_out = model.add_tensor(tensor("custom_out", {4}));
  ir::Operator custom{ir::OpCode::Custom, {model.outputs[0], sparse_index}, {custom_out}, ir::NoOptions{}};
  custom.custom_code = "MyPostProcess";
  custom.custom_options = {1, 2, 3};
  model.operators.push_back(custom);
  model.outputs.push_back(custom_out);
  // A second subgraph: one ReLU.
  ir::Graph second;
  second.name = "second";
  second.tensors = {tensor("x", {2}), tensor("y", {2})};
  second.operators.push_back({ir::OpCode::Relu, {0}, {1}, ir::NoOptions{}});
  second.inputs = {0};
  second.outputs = {1};
  model.subgraphs.push_back(second);
  model.signature_defs.push_back({"serving_default", 0, {{"image", "ifm"}}, {{"scores", "ofm"}}});
  model.signature_defs.push_back({"relu", 1, {{"x", "x"}}, {{"y", "y"}}});
  model.metadata.push_back({"min_runtime_version", {'1', '.', '5', 0}});
  return model;
}

TEST(ConverterFeatures, RoundTripThroughBothFormats) {
  const ir::Model model = converter_model();
  for (FileFormat format : {FileFormat::Circle, FileFormat::TFLite}) {
    const ir::Model back = deserialize(serialize(model, format), "m");
    testing::expect_same_model(back, model);
  }
}

TEST(ConverterFeatures, ExternalBuffersRoundTripAndLieAfterTheFlatBuffer) {
  ir::Model model = converter_model();
  model.external_buffers = true;
  const std::vector<uint8_t> outside = serialize(model, FileFormat::Circle);
  const ir::Model back = deserialize(outside, "m");
  testing::expect_same_model(back, model);
  // The constants' bytes sit at the end of the file, 16-byte aligned.
  const std::vector<uint8_t> &ker = *model.tensors[1].data;
  const auto found = std::search(outside.begin(), outside.end(), ker.begin(), ker.end());
  ASSERT_NE(found, outside.end());
  EXPECT_EQ((found - outside.begin()) % 16, 0);
  EXPECT_GT(static_cast<size_t>(found - outside.begin()), outside.size() / 2);
  // Truncating the file cuts into the external data: an error, not garbage.
  const std::vector<uint8_t> truncated(outside.begin(), outside.end() - 16);
  EXPECT_THROW(deserialize(truncated, "m"), InputError);

}

TEST(ConverterFeatures, SignatureDefsFollowTensorNames) {
  ir::Model model = converter_model();
  model.signature_defs[0].outputs[0].tensor = "nowhere";
  EXPECT_THROW(serialize(model, FileFormat::Circle), InputError);
}

TEST(ConverterFeatures, ValidationChecksSubgraphsAndSignatures) {
  ir::Model model = converter_model();
  model.subgraphs[0].operators[0].inputs = {7};
  try {
    read_model_bytes(serialize(model, FileFormat::Circle), "m.circle");
    ADD_FAILURE() << "accepted";
  } catch (const InputError &e) {
    EXPECT_NE(std::string(e.what()).find("subgraph 1"), std::string::npos) << e.what();
  }
}

} // namespace
} // namespace qgold::format
