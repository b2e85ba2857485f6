#include "format/model_file.h"

#include "circle_generated.h"
#include "format/sample_models.h"
#include "ir/error.h"

#include <gtest/gtest.h>

#include <random>

namespace qgold::format {
namespace {

namespace fb = qgold::format::fb;

// BuiltinOptions union indices (the Circle/TFLite schemas).
constexpr uint8_t kConv2DOptions = 1, kAddOptions = 11, kInstanceNormOptions = 254;

// An options table written field by field, independently of qgold's writer:
// AddOptions {fused_activation_function (id 0): NONE}, an empty
// Conv2DOptions, InstanceNormOptions {epsilon (id 0): 0.5}.
flatbuffers::Offset<void> options_table(flatbuffers::FlatBufferBuilder &b, uint8_t type) {
  const auto start = b.StartTable();
  if (type == kAddOptions)
    b.AddElement<int8_t>(4, 0, 1);
  else if (type == kInstanceNormOptions)
    b.AddElement<float>(4, 0.5f, 0.0f);
  return flatbuffers::Offset<void>(b.EndTable(start));
}

// A hand-built model: in [1,2] + w [2] (constant, buffer 1) -> out [1,2],
// one Add. Each test changes one knob to break one thing.
struct RawModel {
  const char *identifier = "CIR0";
  int8_t deprecated_code = 0; // ADD
  int32_t builtin_code = 0;
  uint8_t options_type = kAddOptions; // index in the BuiltinOptions union, 0 = none
  std::vector<int32_t> op_inputs{0, 1};
  uint32_t opcode_index = 0;
  uint32_t weight_buffer = 1;
  std::size_t weight_bytes = 8;
  uint64_t weight_buffer_offset = 0;
  fb::TensorType input_type = fb::TensorType::FLOAT32;
  std::vector<int32_t> graph_outputs{2};
  int subgraphs = 1;

  std::vector<uint8_t> build() const {
    flatbuffers::FlatBufferBuilder b;
    std::vector<flatbuffers::Offset<fb::Buffer>> buffers{fb::CreateBuffer(b)};
    const std::vector<uint8_t> weights(weight_bytes, 0);
    buffers.push_back(fb::CreateBufferDirect(b, &weights, weight_buffer_offset));
    const std::vector<int32_t> shape{1, 2}, weight_shape{2};
    std::vector<flatbuffers::Offset<fb::Tensor>> tensors{
        fb::CreateTensorDirect(b, &shape, input_type, 0, "in"),
        fb::CreateTensorDirect(b, &weight_shape, fb::TensorType::FLOAT32, weight_buffer, "w"),
        fb::CreateTensorDirect(b, &shape, fb::TensorType::FLOAT32, 0, "out")};
    const flatbuffers::Offset<fb::OptionsTable> options(options_type ? options_table(b, options_type).o : 0);
    const std::vector<int32_t> outputs{2};
    std::vector<flatbuffers::Offset<fb::Operator>> operators{
        fb::CreateOperatorDirect(b, opcode_index, &op_inputs, &outputs, options_type, options)};
    const std::vector<int32_t> inputs{0};
    std::vector<flatbuffers::Offset<fb::SubGraph>> graphs;
    for (int i = 0; i < subgraphs; ++i)
      graphs.push_back(fb::CreateSubGraphDirect(b, &tensors, &inputs, &graph_outputs, &operators, "main"));
    std::vector<flatbuffers::Offset<fb::OperatorCode>> codes{
        fb::CreateOperatorCode(b, deprecated_code, 0, 1, static_cast<fb::BuiltinOperator>(builtin_code))};
    b.Finish(fb::CreateModelDirect(b, 0, &codes, &graphs, "test", &buffers), identifier);
    return {b.GetBufferPointer(), b.GetBufferPointer() + b.GetSize()};
  }
};

// The message of the InputError (or subclass) that reading `bytes` throws.
template <typename Error = InputError> std::string read_error(const std::vector<uint8_t> &bytes) {
  try {
    deserialize(bytes, "model.circle");
  } catch (const Error &e) {
    return e.what();
  }
  ADD_FAILURE() << "reading did not throw the expected error";
  return "";
}

TEST(ModelReader, ReadsTheHandBuiltModel) {
  const ir::Model model = deserialize(RawModel{}.build(), "model.circle");
  ASSERT_EQ(model.tensors.size(), 3u);
  EXPECT_EQ(model.tensors[0].name, "in");
  EXPECT_FALSE(model.tensors[0].is_constant());
  ASSERT_TRUE(model.tensors[1].is_constant());
  EXPECT_EQ(model.tensors[1].data->size(), 8u);
  ASSERT_EQ(model.operators.size(), 1u);
  EXPECT_EQ(model.operators[0].code, ir::OpCode::Add);
  EXPECT_EQ(model.inputs, std::vector<int32_t>{0});
  EXPECT_EQ(model.name, "main");
}

TEST(ModelReader, RejectsShortAndForeignFiles) {
  EXPECT_NE(read_error(std::vector<uint8_t>{}).find("too short"), std::string::npos);
  RawModel raw;
  raw.identifier = "TFL2";
  const std::string message = read_error(raw.build());
  EXPECT_EQ(message.rfind("model.circle: ", 0), 0u) << message;
  EXPECT_NE(message.find("'TFL2'"), std::string::npos) << message;
  std::vector<uint8_t> binary = RawModel{}.build();
  binary[5] = 0x01;
  EXPECT_NE(read_error(binary).find("'C\\x01R0'"), std::string::npos);
}

TEST(ModelReader, AcceptsTFLiteIdentifier) {
  RawModel raw;
  raw.identifier = "TFL3";
  EXPECT_EQ(deserialize(raw.build(), "m.tflite").operators.at(0).code, ir::OpCode::Add);
}

TEST(ModelReader, RejectsOutOfRangeTensorIndex) {
  RawModel raw;
  raw.op_inputs = {0, 7};
  const std::string message = read_error(raw.build());
  EXPECT_NE(message.find("operator 0 (Add) input 1 refers to tensor 7"), std::string::npos) << message;

  raw.op_inputs = {0, -2};
  EXPECT_NE(read_error(raw.build()).find("tensor -2"), std::string::npos);

  RawModel bad_output;
  bad_output.graph_outputs = {3};
  EXPECT_NE(read_error(bad_output.build()).find("graph output 0 refers to tensor 3"), std::string::npos);
}

TEST(ModelReader, AcceptsAbsentOptionalInput) {
  RawModel raw;
  raw.op_inputs = {0, -1};
  EXPECT_EQ(deserialize(raw.build(), "m").operators[0].inputs, (std::vector<int32_t>{0, -1}));
}

TEST(ModelReader, RejectsOutOfRangeBufferIndex) {
  RawModel raw;
  raw.weight_buffer = 9;
  const std::string message = read_error(raw.build());
  EXPECT_NE(message.find("tensor 1 'w' refers to buffer 9, the model has 2 buffers"), std::string::npos) << message;
}

TEST(ModelReader, RejectsBufferSizeMismatch) {
  RawModel raw;
  raw.weight_bytes = 6;
  const std::string message = read_error(raw.build());
  // FLOAT32 [2] is 8 bytes.
  EXPECT_NE(message.find("tensor 1 'w' (FLOAT32 [2]) needs 8 bytes of data, buffer 1 holds 6"), std::string::npos)
      << message;
}

TEST(ModelReader, RejectsDynamicAndHugeShapes) {
  ir::Model model = testing::conv_model();
  model.tensors[0].shape = {1, -1, 3, 2};
  EXPECT_NE(read_error<UnsupportedError>(serialize(model, FileFormat::Circle)).find("[1,-1,3,2]"), std::string::npos);
  model.tensors[0].shape = {65536, 65536, 65536, 65536}; // 2^64 elements
  EXPECT_NE(read_error(serialize(model, FileFormat::Circle)).find("too many elements"), std::string::npos);
}

TEST(ModelReader, RejectsABufferWithDataAndAnExternalOffset) {
  RawModel raw;
  raw.weight_buffer_offset = 4096;
  EXPECT_NE(read_error(raw.build()).find("buffer 1 holds data and an external offset 4096"), std::string::npos);
}

TEST(ModelReader, RejectsUnknownOpcodeAndDtype) {
  RawModel raw;
  raw.deprecated_code = 16;
  raw.options_type = 0;
  const std::string message = read_error<UnsupportedError>(raw.build());
  EXPECT_NE(message.find("operator 0 is LSTM (opcode 16), which qgold does not support"), std::string::npos)
      << message;

  RawModel complex;
  complex.input_type = fb::TensorType::COMPLEX64;
  const std::string dtype_message = read_error<UnsupportedError>(complex.build());
  EXPECT_NE(dtype_message.find("tensor 0 'in' has type COMPLEX64 (8)"), std::string::npos) << dtype_message;
}

TEST(ModelReader, RejectsOpcodeIndexOutOfRange) {
  RawModel raw;
  raw.opcode_index = 1;
  EXPECT_NE(read_error(raw.build()).find("opcode_index 1, the model has 1 operator codes"), std::string::npos);
}

TEST(ModelReader, RejectsMismatchedOptions) {
  RawModel raw;
  raw.options_type = kConv2DOptions;
  const std::string message = read_error(raw.build());
  EXPECT_NE(message.find("operator 0 (Add) has builtin options of union type 1, expected 11"),
            std::string::npos)
      << message;
}

TEST(ModelReader, CastWithoutOptionsTakesItsTypesFromTheTensors) {
  RawModel raw; // Cast(in INT32) -> out FLOAT32, no CastOptions, as TFLite's converter writes it
  raw.deprecated_code = 53;
  raw.builtin_code = 53;
  raw.options_type = 0;
  raw.op_inputs = {0};
  raw.input_type = fb::TensorType::INT32;
  const ir::Model model = deserialize(raw.build(), "m.circle");
  ASSERT_EQ(model.operators.at(0).code, ir::OpCode::Cast);
  EXPECT_EQ(std::get<ir::CastOptions>(model.operators[0].options),
            (ir::CastOptions{ir::DType::Int32, ir::DType::Float32}));
}

TEST(ModelReader, ReadsSeveralSubgraphs) {
  RawModel raw;
  raw.subgraphs = 2;
  const ir::Model model = deserialize(raw.build(), "m");
  ASSERT_EQ(model.subgraphs.size(), 1u);
  EXPECT_EQ(model.subgraphs[0].operators.size(), 1u);
  EXPECT_EQ(model.subgraphs[0].tensors.size(), model.tensors.size());
}

TEST(ModelReader, CircleOpcodeRule) {
  RawModel placeholder; // 127 defers to builtin_code
  placeholder.deprecated_code = 127;
  placeholder.builtin_code = 19;
  placeholder.options_type = 0;
  EXPECT_EQ(deserialize(placeholder.build(), "m").operators[0].code, ir::OpCode::Relu);

  RawModel negative; // the 8-bit field is sign-extended, not max()ed with builtin_code
  negative.deprecated_code = -2;
  negative.builtin_code = 0;
  negative.options_type = kInstanceNormOptions;
  const ir::Model model = deserialize(negative.build(), "m");
  EXPECT_EQ(model.operators[0].code, ir::OpCode::InstanceNorm);
  EXPECT_EQ(std::get<ir::InstanceNormOptions>(model.operators[0].options).epsilon, 0.5f);

  RawModel invalid;
  invalid.deprecated_code = -1;
  EXPECT_NE(read_error(invalid.build()).find("deprecated_builtin_code -1"), std::string::npos);
}

TEST(ModelReader, TFLiteOpcodeRuleTakesTheMaximum) {
  RawModel old_file; // schema v3 files leave builtin_code 0
  old_file.identifier = "TFL3";
  old_file.deprecated_code = 19;
  old_file.options_type = 0;
  EXPECT_EQ(deserialize(old_file.build(), "m").operators[0].code, ir::OpCode::Relu);

  RawModel placeholder; // max(127, 19) = 127: not an op
  placeholder.identifier = "TFL3";
  placeholder.deprecated_code = 127;
  placeholder.builtin_code = 19;
  placeholder.options_type = 0;
  EXPECT_NE(read_error<UnsupportedError>(placeholder.build()).find("opcode 127"), std::string::npos);
}

TEST(ModelReader, TruncatedFilesAreInputErrors) {
  const std::vector<uint8_t> bytes = serialize(testing::every_op_model(true), FileFormat::Circle);
  for (std::size_t length = 0; length < bytes.size(); ++length) {
    const std::vector<uint8_t> truncated(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(length));
    EXPECT_THROW(deserialize(truncated, "t.circle"), InputError) << "length " << length;
  }
}

TEST(ModelReader, ByteFlipsNeverCrash) {
  std::mt19937 random(20240601);
  for (FileFormat format : {FileFormat::Circle, FileFormat::TFLite}) {
    const std::vector<uint8_t> bytes = serialize(testing::every_op_model(format == FileFormat::Circle), format);
    std::uniform_int_distribution<std::size_t> position(0, bytes.size() - 1);
    std::uniform_int_distribution<int> value(0, 255), flips(1, 6);
    int rejected = 0;
    constexpr int kTrials = 5000;
    for (int trial = 0; trial < kTrials; ++trial) {
      std::vector<uint8_t> corrupt = bytes;
      for (int n = flips(random); n > 0; --n)
        corrupt[position(random)] = static_cast<uint8_t>(value(random));
      try {
        deserialize(corrupt, "flipped");
      } catch (const InputError &) {
        ++rejected;
      }
    }
    // Anything but InputError escapes and fails the test; most flips must be caught.
    EXPECT_GT(rejected, kTrials / 10);
  }
}

TEST(ModelReader, ReadsFromAnUnalignedSpan) {
  const ir::Model model = testing::conv_model();
  const std::vector<uint8_t> bytes = serialize(model, FileFormat::Circle);
  std::vector<uint8_t> shifted(bytes.size() + 1);
  std::copy(bytes.begin(), bytes.end(), shifted.begin() + 1);
  testing::expect_same_model(deserialize(std::span(shifted).subspan(1), "shifted"), model);
}

TEST(ModelReader, RejectsDataInTheSentinelBuffer) {
  flatbuffers::FlatBufferBuilder b;
  const std::vector<uint8_t> data{1, 2, 3, 4};
  std::vector<flatbuffers::Offset<fb::Buffer>> buffers{fb::CreateBufferDirect(b, &data)};
  const std::vector<int32_t> shape{1};
  std::vector<flatbuffers::Offset<fb::Tensor>> tensors{
      fb::CreateTensorDirect(b, &shape, fb::TensorType::FLOAT32, 0, "x")};
  std::vector<flatbuffers::Offset<fb::SubGraph>> graphs{fb::CreateSubGraphDirect(b, &tensors)};
  b.Finish(fb::CreateModelDirect(b, 0, nullptr, &graphs, nullptr, &buffers), "CIR0");
  const std::vector<uint8_t> bytes(b.GetBufferPointer(), b.GetBufferPointer() + b.GetSize());
  EXPECT_NE(read_error(bytes).find("buffer 0 holds data"), std::string::npos);
}

TEST(ModelReader, EmptyQuantizationTableMeansNotQuantized) {
  flatbuffers::FlatBufferBuilder b;
  std::vector<flatbuffers::Offset<fb::Buffer>> buffers{fb::CreateBuffer(b)};
  const std::vector<int32_t> shape{2};
  std::vector<flatbuffers::Offset<fb::Tensor>> tensors{
      fb::CreateTensorDirect(b, &shape, fb::TensorType::INT8, 0, "x", fb::CreateQuantizationParameters(b))};
  std::vector<flatbuffers::Offset<fb::SubGraph>> graphs{fb::CreateSubGraphDirect(b, &tensors)};
  b.Finish(fb::CreateModelDirect(b, 3, nullptr, &graphs, nullptr, &buffers), "TFL3");
  const ir::Model model =
      deserialize(std::vector<uint8_t>(b.GetBufferPointer(), b.GetBufferPointer() + b.GetSize()), "m");
  ASSERT_EQ(model.tensors.size(), 1u);
  EXPECT_EQ(model.tensors[0].dtype, ir::DType::Int8);
  EXPECT_FALSE(model.tensors[0].quant.has_value());
}

TEST(ModelReader, RejectsPerChannelCountMismatch) {
  ir::Model model = testing::conv_model();
  model.tensors[1].quant->quantized_dimension = 3; // ker is [2,1,1,2]: dim 3 has 2 channels, fine
  EXPECT_NO_THROW(deserialize(serialize(model, FileFormat::Circle), "m"));
  model.tensors[1].quant->quantized_dimension = 1; // dim 1 has 1 channel, 2 scales
  EXPECT_NE(read_error(serialize(model, FileFormat::Circle)).find("tensor 1 'ker' has 2 per-channel"),
            std::string::npos);
}

} // namespace
} // namespace qgold::format
