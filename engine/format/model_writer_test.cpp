#include "format/model_file.h"

#include "format/sample_models.h"
#include "ir/error.h"

#include <flatbuffers/flatbuffers.h>
#include <gtest/gtest.h>

#include <cstring>

namespace qgold::format {
namespace {

using flatbuffers::Offset;
using flatbuffers::Table;
using flatbuffers::Vector;

// Reads written files without the generated code: fields are addressed by the
// ids from spec/formats.md, so these tests pin the binary layout itself.
constexpr flatbuffers::voffset_t slot(int id) { return static_cast<flatbuffers::voffset_t>(4 + 2 * id); }

const Table *root(const std::vector<uint8_t> &bytes) { return flatbuffers::GetRoot<Table>(bytes.data()); }
const Table *table_at(const Table *table, int id) { return table->GetPointer<const Table *>(slot(id)); }
const Vector<Offset<Table>> *tables_at(const Table *table, int id) {
  return table->GetPointer<const Vector<Offset<Table>> *>(slot(id));
}
template <typename T> const Vector<T> *vector_at(const Table *table, int id) {
  return table->GetPointer<const Vector<T> *>(slot(id));
}
// The stored value; fails the test when the field is absent (default not written).
template <typename T> T stored(const Table *table, int id) {
  EXPECT_TRUE(table->CheckField(slot(id))) << "field id " << id << " is not stored";
  return table->GetField<T>(slot(id), T{});
}
std::string string_at(const Table *table, int id) {
  const auto *s = table->GetPointer<const flatbuffers::String *>(slot(id));
  return s ? s->str() : "<absent>";
}

// Model ids: 0 version, 1 operator_codes, 2 subgraphs, 3 description, 4 buffers.
const Table *subgraph0(const std::vector<uint8_t> &bytes) { return tables_at(root(bytes), 2)->Get(0); }
const Table *operator_at(const std::vector<uint8_t> &bytes, int index) {
  return tables_at(subgraph0(bytes), 3)->Get(index); // SubGraph id 3: operators
}
const Table *opcode_of(const std::vector<uint8_t> &bytes, const Table *op) {
  return tables_at(root(bytes), 1)->Get(stored<uint32_t>(op, 0)); // Operator id 0: opcode_index
}

ir::Model instance_norm_model() {
  ir::Model model;
  const int32_t x = model.add_tensor({"x", ir::DType::Float32, {1, 2, 2, 2}, std::nullopt, std::nullopt});
  ir::Tensor gamma{"gamma", ir::DType::Float32, {2}, std::nullopt, std::nullopt};
  gamma.set_values<float>(std::vector<float>{1.f, 2.f});
  const int32_t g = model.add_tensor(gamma);
  gamma.name = "beta";
  const int32_t b = model.add_tensor(gamma);
  const int32_t y = model.add_tensor({"y", ir::DType::Float32, {1, 2, 2, 2}, std::nullopt, std::nullopt});
  model.operators.push_back(
      {ir::OpCode::InstanceNorm, {x, g, b}, {y}, ir::InstanceNormOptions{0.25f, ir::Activation::Relu6}});
  model.inputs = {x};
  model.outputs = {y};
  return model;
}

TEST(ModelWriter, RoundTripsEveryOpThroughCircle) {
  const ir::Model model = testing::every_op_model(true);
  ASSERT_EQ(model.operators.size(), ir::all_ops().size());
  testing::expect_same_model(deserialize(serialize(model, FileFormat::Circle), "every.circle"), model);
}

TEST(ModelWriter, RoundTripsEveryOpThroughTFLite) {
  const ir::Model model = testing::every_op_model(false);
  ASSERT_EQ(model.operators.size(), ir::all_ops().size() - 1);
  testing::expect_same_model(deserialize(serialize(model, FileFormat::TFLite), "every.tflite"), model);
}

TEST(ModelWriter, RoundTripsQuantizationAndConstants) {
  const ir::Model model = testing::conv_model();
  for (FileFormat format : {FileFormat::Circle, FileFormat::TFLite})
    testing::expect_same_model(deserialize(serialize(model, format), "conv"), model);
}

TEST(ModelWriter, InstanceNormIsUnsupportedInTFLite) {
  EXPECT_THROW(serialize(instance_norm_model(), FileFormat::TFLite), UnsupportedError);
  EXPECT_NO_THROW(serialize(instance_norm_model(), FileFormat::Circle));
}

TEST(ModelWriter, IsDeterministic) {
  const ir::Model model = testing::every_op_model(true);
  const ir::Model copy = model;
  EXPECT_EQ(serialize(model, FileFormat::Circle), serialize(copy, FileFormat::Circle));
  const ir::Model tflite_model = testing::every_op_model(false);
  EXPECT_EQ(serialize(tflite_model, FileFormat::TFLite), serialize(tflite_model, FileFormat::TFLite));
  EXPECT_NE(serialize(model, FileFormat::Circle), serialize(testing::every_op_model(false), FileFormat::Circle));
}

TEST(ModelWriter, CircleIdentityFields) {
  const std::vector<uint8_t> bytes = serialize(testing::conv_model(), FileFormat::Circle);
  ASSERT_GE(bytes.size(), 8u);
  EXPECT_EQ(std::string(bytes.begin() + 4, bytes.begin() + 8), "CIR0");
  EXPECT_EQ(stored<uint32_t>(root(bytes), 0), 0u);
  EXPECT_EQ(string_at(root(bytes), 3), "nnpackage");
  EXPECT_EQ(tables_at(root(bytes), 2)->size(), 1u);
  EXPECT_EQ(string_at(subgraph0(bytes), 4), "main");
}

TEST(ModelWriter, TFLiteIdentityFields) {
  const std::vector<uint8_t> bytes = serialize(testing::conv_model(), FileFormat::TFLite);
  EXPECT_EQ(std::string(bytes.begin() + 4, bytes.begin() + 8), "TFL3");
  EXPECT_EQ(stored<uint32_t>(root(bytes), 0), 3u);
}

TEST(ModelWriter, InstanceNormOperatorCodeAndOptionsIds) {
  const std::vector<uint8_t> bytes = serialize(instance_norm_model(), FileFormat::Circle);
  const Table *op = operator_at(bytes, 0);
  const Table *code = opcode_of(bytes, op);
  // OperatorCode: id 0 deprecated_builtin_code (byte), id 2 version, id 3 builtin_code (int).
  EXPECT_EQ(static_cast<uint8_t>(stored<int8_t>(code, 0)), 0xFE);
  EXPECT_EQ(stored<int32_t>(code, 3), -2);
  EXPECT_EQ(stored<int32_t>(code, 2), 1);
  // Operator: id 3 builtin_options_type, id 4 builtin_options.
  EXPECT_EQ(stored<uint8_t>(op, 3), 254);
  const Table *options = table_at(op, 4);
  ASSERT_NE(options, nullptr);
  EXPECT_EQ(stored<float>(options, 0), 0.25f); // epsilon
  EXPECT_EQ(stored<int8_t>(options, 1), 3);    // RELU6
}

TEST(ModelWriter, Conv2DOperatorCodeAndOptionsIds) {
  ir::Model model = testing::conv_model();
  model.operators[0].options = ir::Conv2DOptions{ir::Padding::Valid, 2, 3, 4, 5, ir::Activation::Relu6};
  const std::vector<uint8_t> bytes = serialize(model, FileFormat::Circle);
  const Table *op = operator_at(bytes, 0);
  const Table *code = opcode_of(bytes, op);
  EXPECT_EQ(stored<int8_t>(code, 0), 3);
  EXPECT_EQ(stored<int32_t>(code, 3), 3);
  EXPECT_EQ(stored<uint8_t>(op, 3), 1);
  const Table *options = table_at(op, 4);
  ASSERT_NE(options, nullptr);
  EXPECT_EQ(stored<int8_t>(options, 0), 1);  // padding VALID
  EXPECT_EQ(stored<int32_t>(options, 1), 2); // stride_w
  EXPECT_EQ(stored<int32_t>(options, 2), 3); // stride_h
  EXPECT_EQ(stored<int8_t>(options, 3), 3);  // fused_activation_function RELU6
  EXPECT_EQ(stored<int32_t>(options, 4), 4); // dilation_w_factor
  EXPECT_EQ(stored<int32_t>(options, 5), 5); // dilation_h_factor
  // Operator ids 1 and 2: inputs and outputs.
  const auto *inputs = vector_at<int32_t>(op, 1);
  ASSERT_NE(inputs, nullptr);
  EXPECT_EQ(std::vector<int32_t>(inputs->begin(), inputs->end()), (std::vector<int32_t>{0, 1, 2}));
  EXPECT_EQ(vector_at<int32_t>(op, 2)->Get(0), 3);
}

TEST(ModelWriter, SamePaddingIsStoredExplicitly) {
  const std::vector<uint8_t> bytes = serialize(testing::conv_model(), FileFormat::Circle);
  const Table *options = table_at(operator_at(bytes, 0), 4);
  EXPECT_EQ(stored<int8_t>(options, 0), 0); // SAME, the schema default, yet present
}

TEST(ModelWriter, OptionUnionIndicesMatchTheSchema) {
  const ir::Model model = testing::every_op_model(true);
  const std::vector<uint8_t> bytes = serialize(model, FileFormat::Circle);
  // Union member indices from spec/formats.md §1.5; 0 = no options table.
  const std::vector<std::pair<ir::OpCode, int>> expected = {
      {ir::OpCode::Conv2D, 1},         {ir::OpCode::DepthwiseConv2D, 2},
      {ir::OpCode::AveragePool2D, 5},  {ir::OpCode::MaxPool2D, 5},
      {ir::OpCode::FullyConnected, 8}, {ir::OpCode::Softmax, 9},
      {ir::OpCode::Concatenation, 10}, {ir::OpCode::Add, 11},
      {ir::OpCode::Reshape, 17},       {ir::OpCode::Mul, 21},
      {ir::OpCode::Pad, 22},           {ir::OpCode::Mean, 27},
      {ir::OpCode::Sub, 28},           {ir::OpCode::Split, 35},
      {ir::OpCode::Dequantize, 38},    {ir::OpCode::TransposeConv, 49},
      {ir::OpCode::Quantize, 89},      {ir::OpCode::InstanceNorm, 254},
      {ir::OpCode::Relu, 0},           {ir::OpCode::Relu6, 0},
      {ir::OpCode::Logistic, 0},       {ir::OpCode::Tanh, 0},
      {ir::OpCode::PRelu, 0}};
  for (const auto &[code, union_index] : expected) {
    SCOPED_TRACE(std::string(ir::op_name(code)));
    int found = -1;
    for (std::size_t o = 0; o < model.operators.size(); ++o)
      if (model.operators[o].code == code)
        found = static_cast<int>(o);
    ASSERT_GE(found, 0);
    const Table *op = operator_at(bytes, found);
    EXPECT_EQ(op->GetField<uint8_t>(slot(3), 0), union_index);
    EXPECT_EQ(stored<int32_t>(opcode_of(bytes, op), 3), static_cast<int32_t>(code));
  }
}

TEST(ModelWriter, MoreOptionFieldIds) {
  const ir::Model model = testing::every_op_model(true);
  const std::vector<uint8_t> bytes = serialize(model, FileFormat::Circle);
  for (std::size_t o = 0; o < model.operators.size(); ++o) {
    const Table *options = table_at(operator_at(bytes, static_cast<int>(o)), 4);
    switch (model.operators[o].code) {
    case ir::OpCode::Split:
      EXPECT_EQ(stored<int32_t>(options, 0), 3); // num_splits
      break;
    case ir::OpCode::Softmax:
      EXPECT_EQ(stored<float>(options, 0), 0.5f); // beta
      break;
    case ir::OpCode::DepthwiseConv2D:
      EXPECT_EQ(stored<int32_t>(options, 3), 4); // depth_multiplier
      EXPECT_EQ(stored<int8_t>(options, 4), 1);  // fused_activation_function RELU
      EXPECT_EQ(stored<int32_t>(options, 6), 3); // dilation_h_factor
      break;
    case ir::OpCode::FullyConnected:
      EXPECT_TRUE(stored<bool>(options, 2)); // keep_num_dims
      break;
    case ir::OpCode::MaxPool2D:
      EXPECT_EQ(stored<int32_t>(options, 3), 5); // filter_width
      EXPECT_EQ(stored<int8_t>(options, 5), 1);  // fused_activation_function RELU
      break;
    case ir::OpCode::Concatenation:
      EXPECT_EQ(stored<int32_t>(options, 0), -1); // axis
      break;
    case ir::OpCode::Sub:
      EXPECT_EQ(stored<int8_t>(options, 0), 3); // fused_activation_function RELU6
      break;
    case ir::OpCode::TransposeConv:
      EXPECT_EQ(stored<int32_t>(options, 2), 4); // stride_h
      EXPECT_EQ(stored<int8_t>(options, 3), 4);  // fused_activation_function TANH
      break;
    default:
      break;
    }
  }
}

TEST(ModelWriter, OperatorCodesAreDeduplicatedInFirstUseOrder) {
  ir::Model model = testing::conv_model();
  model.operators.push_back({ir::OpCode::Relu, {3}, {3}, std::monostate{}});
  model.operators.push_back(model.operators[0]);
  const std::vector<uint8_t> bytes = serialize(model, FileFormat::Circle);
  const auto *codes = tables_at(root(bytes), 1);
  ASSERT_EQ(codes->size(), 2u);
  EXPECT_EQ(stored<int32_t>(codes->Get(0), 3), 3);  // CONV_2D
  EXPECT_EQ(stored<int32_t>(codes->Get(1), 3), 19); // RELU
  EXPECT_EQ(stored<uint32_t>(operator_at(bytes, 2), 0), 0u);
}

TEST(ModelWriter, BufferLayout) {
  const std::vector<uint8_t> bytes = serialize(testing::conv_model(), FileFormat::Circle);
  const auto *buffers = tables_at(root(bytes), 4);
  ASSERT_EQ(buffers->size(), 3u); // sentinel, ker, bias
  EXPECT_EQ(vector_at<uint8_t>(buffers->Get(0), 0), nullptr);
  const auto *tensors = tables_at(subgraph0(bytes), 0);
  // Tensor ids: 0 shape, 1 type, 2 buffer, 3 name, 4 quantization.
  EXPECT_EQ(stored<uint32_t>(tensors->Get(0), 2), 0u); // ifm
  EXPECT_EQ(stored<uint32_t>(tensors->Get(1), 2), 1u); // ker
  EXPECT_EQ(stored<uint32_t>(tensors->Get(2), 2), 2u); // bias
  EXPECT_EQ(stored<uint32_t>(tensors->Get(3), 2), 0u); // ofm
  EXPECT_EQ(string_at(tensors->Get(1), 3), "ker");
  EXPECT_EQ(stored<int8_t>(tensors->Get(1), 1), 0); // FLOAT32
  const auto *shape = vector_at<int32_t>(tensors->Get(1), 0);
  EXPECT_EQ(std::vector<int32_t>(shape->begin(), shape->end()), (std::vector<int32_t>{2, 1, 1, 2}));

  const auto *bias = vector_at<uint8_t>(buffers->Get(2), 0);
  ASSERT_NE(bias, nullptr);
  ASSERT_EQ(bias->size(), 8u);
  float values[2];
  std::memcpy(values, bias->data(), sizeof(values));
  EXPECT_EQ(values[0], 0.5f);
  EXPECT_EQ(values[1], -0.5f);
  EXPECT_EQ((bias->data() - bytes.data()) % 16, 0); // force_align: 16
}

TEST(ModelWriter, QuantizationParameterIds) {
  const std::vector<uint8_t> bytes = serialize(testing::conv_model(), FileFormat::Circle);
  const Table *ker = tables_at(subgraph0(bytes), 0)->Get(1);
  const Table *quant = table_at(ker, 4);
  ASSERT_NE(quant, nullptr);
  EXPECT_EQ(vector_at<float>(quant, 0)->Get(1), -4.f);      // min
  EXPECT_EQ(vector_at<float>(quant, 1)->Get(1), 4.f);       // max
  EXPECT_EQ(vector_at<float>(quant, 2)->Get(0), 2.f / 127); // scale
  EXPECT_EQ(vector_at<int64_t>(quant, 3)->size(), 2u);      // zero_point (int64)
  EXPECT_EQ(stored<int32_t>(quant, 6), 0);                  // quantized_dimension
  const Table *ifm_quant = table_at(tables_at(subgraph0(bytes), 0)->Get(0), 4);
  EXPECT_EQ(vector_at<int64_t>(ifm_quant, 3)->Get(0), 128);
  EXPECT_EQ(table_at(tables_at(subgraph0(bytes), 0)->Get(2), 4), nullptr); // bias has none
}

TEST(ModelWriter, RejectsInconsistentModels) {
  ir::Model bad_index = testing::conv_model();
  bad_index.operators[0].inputs[1] = 9;
  EXPECT_THROW(serialize(bad_index, FileFormat::Circle), InputError);

  ir::Model bad_data = testing::conv_model();
  bad_data.tensors[2].data->pop_back();
  EXPECT_THROW(serialize(bad_data, FileFormat::Circle), InputError);

  ir::Model bad_options = testing::conv_model();
  bad_options.operators[0].options = ir::SoftmaxOptions{1.f};
  EXPECT_THROW(serialize(bad_options, FileFormat::Circle), InputError);
}

} // namespace
} // namespace qgold::format
