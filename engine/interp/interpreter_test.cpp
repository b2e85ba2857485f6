#include "interp/interpreter.h"

#include "interp/test_model.h"
#include "ir/error.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace qgold::interp {
namespace {

using ir::OpCode;
using testing::ModelBuilder;

// Records every observe() call in order.
class Recorder : public TensorObserver {
public:
  void observe(int32_t tensor_index, std::span<const float> values) override {
    indices.push_back(tensor_index);
    values_seen.emplace_back(values.begin(), values.end());
  }
  std::vector<int32_t> indices;
  std::vector<std::vector<float>> values_seen;
};

template <typename Error> std::string error_of(const ir::Model &model) {
  try {
    Interpreter interpreter(model);
  } catch (const Error &error) {
    return error.what();
  }
  return "no error";
}

struct SmallNet {
  ModelBuilder b;
  int32_t in, conv, relu6, pool, fc, softmax;

  // conv(2x2, 2 channels, VALID) -> relu6 -> avgpool(2x2) -> fc(2) -> softmax
  SmallNet() {
    in = b.input("in", {1, 3, 3, 1});
    // Channel 0 = x(y,x) + x(y+1,x+1) - 4; channel 1 = -x(y,x) + 3.
    const int32_t ker = b.constant("ker", {2, 2, 2, 1}, {1, 0, 0, 1, -1, 0, 0, 0});
    const int32_t bias = b.constant("bias", {2}, {-4, 3});
    conv = b.activation("conv", {1, 2, 2, 2});
    b.op(OpCode::Conv2D, {in, ker, bias}, {conv});
    relu6 = b.activation("relu6", {1, 2, 2, 2});
    b.op(OpCode::Relu6, {conv}, {relu6});
    pool = b.activation("pool", {1, 1, 1, 2});
    ir::Pool2DOptions pool_options;
    pool_options.filter_height = pool_options.filter_width = 2;
    b.op(OpCode::AveragePool2D, {relu6}, {pool}, pool_options);
    const int32_t weights = b.constant("weights", {2, 2}, {1, 2, 0, 0});
    const int32_t fc_bias = b.constant("fc_bias", {2}, {0, 5});
    fc = b.activation("fc", {1, 2});
    b.op(OpCode::FullyConnected, {pool, weights, fc_bias}, {fc});
    softmax = b.activation("softmax", {1, 2});
    b.op(OpCode::Softmax, {fc}, {softmax}, ir::SoftmaxOptions{1.0f});
    b.output(softmax);
  }
};

const std::vector<float> kOneToNine = {1, 2, 3, 4, 5, 6, 7, 8, 9};

TEST(InterpreterTest, SmallNetComputesHandValues) {
  SmallNet net;
  Interpreter interpreter(net.b.model);
  interpreter.set_input(0, kOneToNine);
  interpreter.run();
  // Conv: channel 0 = 1+5-4, 2+6-4, 4+8-4, 5+9-4 = 2, 4, 8, 10;
  // channel 1 = -1+3, -2+3, -4+3, -5+3 = 2, 1, -1, -2 (interleaved NHWC).
  EXPECT_EQ(
      std::vector<float>(interpreter.tensor(net.conv).begin(), interpreter.tensor(net.conv).end()),
      (std::vector<float>{2, 2, 4, 1, 8, -1, 10, -2}));
  // ReLU6: 2, 4, 6, 6 and 2, 1, 0, 0; pool: 18/4 = 4.5 and 3/4 = 0.75.
  EXPECT_EQ(
      std::vector<float>(interpreter.tensor(net.pool).begin(), interpreter.tensor(net.pool).end()),
      (std::vector<float>{4.5f, 0.75f}));
  // FC: 4.5 + 2*0.75 + 0 = 6 and 0 + 5 = 5.
  EXPECT_EQ(
      std::vector<float>(interpreter.tensor(net.fc).begin(), interpreter.tensor(net.fc).end()),
      (std::vector<float>{6, 5}));
  // Softmax of logits one apart: 1/(1+e^-1) and e^-1/(1+e^-1).
  const auto out = interpreter.output(0);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_NEAR(out[0], 0.7310586f, 1e-6f);
  EXPECT_NEAR(out[1], 0.2689414f, 1e-6f);
}

TEST(InterpreterTest, ObserverSeesInputsFirstThenEachOutputInOrder) {
  SmallNet net;
  Interpreter interpreter(net.b.model);
  interpreter.set_input(0, kOneToNine);
  Recorder recorder;
  interpreter.run(&recorder);
  EXPECT_EQ(recorder.indices,
            (std::vector<int32_t>{net.in, net.conv, net.relu6, net.pool, net.fc, net.softmax}));
  EXPECT_EQ(recorder.values_seen[0], kOneToNine);
  EXPECT_EQ(recorder.values_seen[2], (std::vector<float>{2, 2, 4, 1, 6, 0, 6, 0}));
}

TEST(InterpreterTest, RunsAgainWithNewInput) {
  SmallNet net;
  Interpreter interpreter(net.b.model);
  interpreter.set_input(0, kOneToNine);
  interpreter.run();
  interpreter.set_input(0, std::vector<float>(9, 0.0f));
  interpreter.run();
  // Zero input: conv = -4 and 3 everywhere -> relu6 0 and 3 -> pool 0, 3 -> fc 6, 5.
  EXPECT_EQ(
      std::vector<float>(interpreter.tensor(net.fc).begin(), interpreter.tensor(net.fc).end()),
      (std::vector<float>{6, 5}));
}

TEST(InterpreterTest, SetInputChecksCountAndIndex) {
  SmallNet net;
  Interpreter interpreter(net.b.model);
  EXPECT_THROW(interpreter.set_input(0, std::vector<float>(8, 1.0f)), InputError);
  EXPECT_THROW(interpreter.set_input(1, kOneToNine), InputError);
  EXPECT_THROW((void)interpreter.output(1), InputError);
  EXPECT_THROW((void)interpreter.tensor(99), InputError);
}

TEST(InterpreterTest, SplitOutputsAreObservedSeparately) {
  ModelBuilder b;
  const int32_t axis = b.int32_constant("axis", {}, {-1});
  const int32_t in = b.input("in", {1, 6});
  const int32_t p0 = b.activation("p0", {1, 2});
  const int32_t p1 = b.activation("p1", {1, 2});
  const int32_t p2 = b.activation("p2", {1, 2});
  b.op(OpCode::Split, {axis, in}, {p0, p1, p2}, ir::SplitOptions{3});
  Interpreter interpreter(b.model);
  interpreter.set_input(0, std::vector<float>{1, 2, 3, 4, 5, 6});
  Recorder recorder;
  interpreter.run(&recorder);
  EXPECT_EQ(recorder.indices, (std::vector<int32_t>{in, p0, p1, p2}));
  EXPECT_EQ(recorder.values_seen[3], (std::vector<float>{5, 6}));
}

TEST(InterpreterTest, MeanKeepDimsOnlyChangesTheShape) {
  for (bool keep_dims : {true, false}) {
    ModelBuilder b;
    const int32_t in = b.input("in", {1, 2, 2, 3});
    const int32_t axes = b.int32_constant("axes", {2}, {1, 2});
    const int32_t out = b.activation("out", keep_dims ? ir::Shape{1, 1, 1, 3} : ir::Shape{1, 3});
    b.op(OpCode::Mean, {in, axes}, {out}, ir::ReducerOptions{keep_dims});
    Interpreter interpreter(b.model);
    interpreter.set_input(0, std::vector<float>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
    interpreter.run();
    const auto values = interpreter.tensor(out);
    // Channel c averages c, c+3, c+6, c+9.
    EXPECT_EQ(std::vector<float>(values.begin(), values.end()),
              (std::vector<float>{4.5f, 5.5f, 6.5f}))
        << "keep_dims " << keep_dims;
  }
}

TEST(InterpreterTest, TransposeConvReadsOutputShapeConstant) {
  ModelBuilder b;
  const int32_t shape = b.int32_constant("shape", {4}, {1, 4, 4, 1});
  const int32_t ker = b.constant("ker", {1, 3, 3, 1}, std::vector<float>(9, 1.0f));
  const int32_t in = b.input("in", {1, 2, 2, 1});
  const int32_t out = b.activation("out", {1, 4, 4, 1});
  ir::TransposeConvOptions options;
  options.padding = ir::Padding::Same;
  options.stride_h = options.stride_w = 2;
  b.op(OpCode::TransposeConv, {shape, ker, in, -1}, {out}, options);
  Interpreter interpreter(b.model);
  interpreter.set_input(0, std::vector<float>{1, 2, 3, 4});
  interpreter.run();
  const auto values = interpreter.tensor(out);
  // Row 2 / column 2 get both neighbours' contributions (see the kernel test).
  EXPECT_EQ(std::vector<float>(values.begin(), values.end()),
            (std::vector<float>{1, 1, 3, 2, 1, 1, 3, 2, 4, 4, 10, 6, 3, 3, 7, 4}));
}

TEST(InterpreterTest, ConstantsAreReadable) {
  SmallNet net;
  Interpreter interpreter(net.b.model);
  const auto bias = interpreter.tensor(net.b.model.find_tensor("bias"));
  EXPECT_EQ(std::vector<float>(bias.begin(), bias.end()), (std::vector<float>{-4, 3}));
}

TEST(InterpreterTest, FusedTanhIsRefused) {
  ModelBuilder b;
  const int32_t x = b.input("x", {2});
  const int32_t y = b.input("y", {2});
  const int32_t out = b.activation("out", {2});
  b.op(OpCode::Add, {x, y}, {out}, ir::ElementwiseOptions{ir::Activation::Tanh});
  b.output(out);
  const std::string message = error_of<UnsupportedError>(b.model);
  EXPECT_NE(message.find("operator #0 (Add): fused activation TANH is not run"), std::string::npos)
      << message;
}

TEST(InterpreterTest, QuantizeIsUnsupportedAndNamesTheOperator) {
  ModelBuilder b;
  const int32_t in = b.input("in", {2});
  const int32_t relu = b.activation("relu", {2});
  b.op(OpCode::Relu, {in}, {relu});
  const int32_t q = b.activation("q", {2});
  b.model.tensors[static_cast<size_t>(q)].dtype = ir::DType::UInt8;
  b.model.tensors[static_cast<size_t>(q)].quant = ir::QuantParams{{}, {}, {0.5f}, {0}, 0};
  b.op(OpCode::Quantize, {relu}, {q});
  const std::string message = error_of<UnsupportedError>(b.model);
  EXPECT_NE(message.find("operator #1 (Quantize) has no float kernel"), std::string::npos) << message;
}

TEST(InterpreterTest, NonFloatActivationIsUnsupported) {
  ModelBuilder b;
  const int32_t in = b.input("in", {2});
  const int32_t out = b.activation("out", {2});
  // A valid quantized tensor, but the float kernel cannot write it.
  b.model.tensors[static_cast<size_t>(out)].dtype = ir::DType::Int8;
  b.model.tensors[static_cast<size_t>(out)].quant = ir::QuantParams{{}, {}, {0.5f}, {0}, 0};
  b.op(OpCode::Relu, {in}, {out});
  const std::string message = error_of<UnsupportedError>(b.model);
  EXPECT_NE(message.find("operator #0 (ReLU)"), std::string::npos) << message;
  EXPECT_NE(message.find("'out'"), std::string::npos) << message;
  EXPECT_NE(message.find("INT8"), std::string::npos) << message;
}

TEST(InterpreterTest, NonFloatGraphInputIsUnsupported) {
  ModelBuilder b;
  const int32_t in = b.input("in", {2});
  b.model.tensors[static_cast<size_t>(in)].dtype = ir::DType::UInt8;
  EXPECT_NE(error_of<UnsupportedError>(b.model).find("graph input 0"), std::string::npos);
}

// ArgMax's indices leave the graph in their own dtype; float-only accessors refuse them.
TEST(InterpreterTest, IntegerGraphOutputsKeepTheirDtype) {
  for (ir::DType dtype : {ir::DType::Int32, ir::DType::Int64}) {
    ModelBuilder b;
    const int32_t in = b.input("in", {2, 3});
    const int32_t axis = b.int32_constant("axis", {}, {-1});
    const int32_t out = b.activation("out", {2});
    b.model.tensors[static_cast<size_t>(out)].dtype = dtype;
    b.op(OpCode::ArgMax, {in, axis}, {out}, ir::ArgOptions{dtype});
    b.output(out);
    Interpreter interpreter(b.model);
    interpreter.set_input(0, std::vector<float>{1, 7, 3, 9, 5, 6});
    interpreter.run();
    const auto bytes = interpreter.output_bytes(0);
    std::vector<int64_t> indices;
    if (dtype == ir::DType::Int32) {
      ASSERT_EQ(bytes.size(), 2 * sizeof(int32_t));
      const auto *values = reinterpret_cast<const int32_t *>(bytes.data());
      indices = {values[0], values[1]};
    } else {
      ASSERT_EQ(bytes.size(), 2 * sizeof(int64_t));
      const auto *values = reinterpret_cast<const int64_t *>(bytes.data());
      indices = {values[0], values[1]};
    }
    EXPECT_EQ(indices, (std::vector<int64_t>{1, 0}));
    try {
      interpreter.output(0);
      ADD_FAILURE() << "output() returned a float view of " << ir::dtype_name(dtype) << " indices";
    } catch (const InputError &e) {
      EXPECT_NE(std::string(e.what()).find("not a float32 tensor"), std::string::npos) << e.what();
    }
  }
}

TEST(InterpreterTest, QuantizedGraphOutputIsUnsupported) {
  ModelBuilder b;
  const int32_t in = b.input("in", {2});
  const int32_t out = b.activation("out", {2});
  b.model.tensors[static_cast<size_t>(out)].dtype = ir::DType::UInt8;
  b.model.tensors[static_cast<size_t>(out)].quant = ir::QuantParams{{}, {}, {0.5f}, {0}, 0};
  b.op(OpCode::Relu, {in}, {out});
  b.output(out);
  EXPECT_NE(error_of<UnsupportedError>(b.model).find("graph output 0"), std::string::npos);
}

TEST(InterpreterTest, ReadingATensorBeforeItIsWrittenIsAnError) {
  ModelBuilder b;
  const int32_t in = b.input("in", {2});
  const int32_t a = b.activation("a", {2});
  const int32_t c = b.activation("c", {2});
  b.op(OpCode::Relu, {a}, {c}); // a is produced only by the next op
  b.op(OpCode::Relu, {in}, {a});
  const std::string message = error_of<InputError>(b.model);
  EXPECT_NE(message.find("ReLU (op 0): input 0 'a'"), std::string::npos) << message;
  EXPECT_NE(message.find("is read before it is produced by ReLU (op 1)"), std::string::npos) << message;
}

TEST(InterpreterTest, WrongDeclaredOutputShapeIsAnError) {
  ModelBuilder b;
  const int32_t in = b.input("in", {1, 3, 3, 1});
  const int32_t ker = b.constant("ker", {1, 2, 2, 1}, {1, 1, 1, 1});
  const int32_t out = b.activation("out", {1, 3, 3, 1}); // VALID gives [1,2,2,1]
  b.op(OpCode::Conv2D, {in, ker, -1}, {out});
  const std::string message = error_of<InputError>(b.model);
  EXPECT_NE(message.find("declared with shape [1,3,3,1], but the inputs give [1,2,2,1]"),
            std::string::npos)
      << message;
}

TEST(InterpreterTest, MisfitOperandsAreErrors) {
  {
    // Axes must be an int32 constant.
    ModelBuilder b;
    const int32_t in = b.input("in", {2, 2});
    const int32_t axes = b.constant("axes", {1}, {0});
    const int32_t out = b.activation("out", {2});
    b.op(OpCode::Mean, {in, axes}, {out});
    EXPECT_NE(error_of<InputError>(b.model).find("'axes' (tensor 1) has dtype FLOAT32, expected INT32"),
              std::string::npos);
  }
  {
    // Non-broadcastable Add operands.
    ModelBuilder b;
    const int32_t x = b.input("x", {2, 3});
    const int32_t y = b.input("y", {2});
    const int32_t out = b.activation("out", {2, 3});
    b.op(OpCode::Add, {x, y}, {out});
    EXPECT_NE(error_of<InputError>(b.model).find("cannot be broadcast"), std::string::npos);
  }
  {
    // Constant data of the wrong size.
    ModelBuilder b;
    b.constant("w", {3}, {1, 2});
    EXPECT_NE(error_of<InputError>(b.model).find("bytes"), std::string::npos);
  }
  {
    // Operator input index out of range.
    ModelBuilder b;
    const int32_t out = b.activation("out", {2});
    b.op(OpCode::Relu, {7}, {out});
    EXPECT_NE(error_of<InputError>(b.model).find("refers to tensor 7, but the model has 1 tensors"),
              std::string::npos);
  }
  {
    // Pool options carried by a Conv2D.
    ModelBuilder b;
    const int32_t in = b.input("in", {1, 1, 1, 1});
    const int32_t ker = b.constant("ker", {1, 1, 1, 1}, {1});
    const int32_t out = b.activation("out", {1, 1, 1, 1});
    b.op(OpCode::Conv2D, {in, ker}, {out}, ir::Pool2DOptions{});
    EXPECT_NE(error_of<InputError>(b.model).find("options"), std::string::npos);
  }
}

TEST(InterpreterTest, PadAndFullyConnectedWithoutBias) {
  ModelBuilder b;
  const int32_t in = b.input("in", {1, 2});
  const int32_t paddings = b.int32_constant("paddings", {2, 2}, {0, 0, 1, 1});
  const int32_t padded = b.activation("padded", {1, 4});
  b.op(OpCode::Pad, {in, paddings}, {padded});
  const int32_t weights = b.constant("weights", {1, 4}, {1, 10, 100, 1000});
  const int32_t fc = b.activation("fc", {1, 1});
  b.op(OpCode::FullyConnected, {padded, weights, -1}, {fc});
  b.output(fc);
  Interpreter interpreter(b.model);
  interpreter.set_input(0, std::vector<float>{3, 4});
  interpreter.run();
  // Padded [0,3,4,0] . [1,10,100,1000] = 30 + 400.
  ASSERT_EQ(interpreter.output(0).size(), 1u);
  EXPECT_EQ(interpreter.output(0)[0], 430.0f);
}

// float -> int32 -> integer and bool ops -> float: only the float tensors are observed.
TEST(InterpreterTest, IntegerAndBoolTensorsFlowBetweenFloatInputsAndOutputs) {
  ModelBuilder b;
  const int32_t x = b.input("x", {4});
  const int32_t i = b.activation("i", {4}, ir::DType::Int32);
  b.op(OpCode::Cast, {x}, {i}, ir::CastOptions{ir::DType::Float32, ir::DType::Int32});
  const int32_t half = b.activation("half", {4}, ir::DType::Int32);
  b.op(OpCode::FloorDiv, {i, b.int32_constant("two", {}, {2})}, {half});
  const int32_t sum = b.activation("sum", {4}, ir::DType::Int32);
  b.op(OpCode::Add, {half, i}, {sum}, ir::ElementwiseOptions{});
  const int32_t negated = b.activation("negated", {4}, ir::DType::Int32);
  b.op(OpCode::Neg, {sum}, {negated});
  const int32_t greater = b.activation("greater", {4}, ir::DType::Bool);
  b.op(OpCode::Greater, {sum, negated}, {greater});
  const int32_t chosen = b.activation("chosen", {4}, ir::DType::Int32);
  b.op(OpCode::Select, {greater, sum, negated}, {chosen});
  const int32_t out = b.activation("out", {4});
  b.op(OpCode::Cast, {chosen}, {out}, ir::CastOptions{ir::DType::Int32, ir::DType::Float32});
  const int32_t not_greater = b.activation("not_greater", {4}, ir::DType::Bool);
  b.op(OpCode::LogicalNot, {greater}, {not_greater});
  const int32_t flags = b.activation("flags", {4});
  b.op(OpCode::Cast, {not_greater}, {flags}, ir::CastOptions{ir::DType::Bool, ir::DType::Float32});
  b.output(out);
  b.output(flags);

  Interpreter interpreter(b.model);
  interpreter.set_input(0, std::vector<float>{-2.5f, -0.5f, 1.5f, 7.9f});
  Recorder recorder;
  interpreter.run(&recorder);
  // i = {-2, 0, 1, 7}, floor(i / 2) = {-1, 0, 0, 3}, sum = {-3, 0, 1, 10}, |sum| by Select.
  EXPECT_EQ(std::vector<float>(interpreter.output(0).begin(), interpreter.output(0).end()),
            (std::vector<float>{3, 0, 1, 10}));
  EXPECT_EQ(std::vector<float>(interpreter.output(1).begin(), interpreter.output(1).end()),
            (std::vector<float>{1, 1, 0, 0}));
  EXPECT_EQ(recorder.indices, (std::vector<int32_t>{x, out, flags}));
}

TEST(InterpreterTest, FloorDivByZeroFailsTheRunNamingTheDivisor) {
  ModelBuilder b;
  const int32_t x = b.input("x", {2});
  const int32_t y = b.input("y", {2});
  const int32_t out = b.activation("out", {2});
  b.op(OpCode::FloorDiv, {x, y}, {out});
  b.output(out);
  Interpreter interpreter(b.model);
  interpreter.set_input(0, std::vector<float>{1, 2});
  interpreter.set_input(1, std::vector<float>{3, 0});
  try {
    interpreter.run();
    ADD_FAILURE() << "divided by 0";
  } catch (const InputError &e) {
    EXPECT_NE(
        std::string(e.what()).find("operator #0 (FloorDiv): input 1 (tensor #1 'y') holds a 0"),
        std::string::npos)
        << e.what();
  }
  interpreter.set_input(1, std::vector<float>{3, -0.5f});
  interpreter.run();
  EXPECT_EQ(interpreter.output(0)[1], -4.0f);
}

// An int32 tensor computed by an operator.
int32_t int32_activation(ModelBuilder &b, std::string name, ir::Shape shape) {
  const int32_t index = b.activation(std::move(name), std::move(shape));
  b.model.tensors[static_cast<size_t>(index)].dtype = ir::DType::Int32;
  return index;
}

TEST(InterpreterTest, IntegerShapeArithmeticFeedsAFloatOutput) {
  // Shape [2,3] -> Concatenation with [0] -> PadV2 with -1 in front -> OneHot(depth 4).
  ModelBuilder b;
  const int32_t in = b.input("in", {2, 3});
  const int32_t shape = int32_activation(b, "shape", {2});
  b.op(OpCode::Shape, {in}, {shape});
  const int32_t joined = int32_activation(b, "joined", {3});
  b.op(OpCode::Concatenation, {shape, b.int32_constant("zero", {1}, {0})}, {joined},
       ir::ConcatenationOptions{0});
  const int32_t padded = int32_activation(b, "padded", {4});
  b.op(OpCode::PadV2,
       {joined, b.int32_constant("paddings", {1, 2}, {1, 0}), b.int32_constant("fill", {}, {-1})},
       {padded});
  const int32_t hot = b.activation("hot", {4, 4});
  b.op(OpCode::OneHot,
       {padded, b.int32_constant("depth", {}, {4}), b.constant("on", {}, {5}),
        b.constant("off", {}, {0})},
       {hot});
  b.output(hot);
  Interpreter interpreter(b.model);
  interpreter.set_input(0, std::vector<float>(6, 0.0f));
  interpreter.run();
  // Indices -1, 2, 3, 0.
  const auto out = interpreter.output(0);
  EXPECT_EQ(std::vector<float>(out.begin(), out.end()),
            (std::vector<float>{0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 5, 5, 0, 0, 0}));
}

TEST(InterpreterTest, GatherIndexOutOfRangeFailsTheRun) {
  // The indices are the input's shape [1, n]: in range for n < 3 only.
  for (const int32_t n : {2, 4}) {
    ModelBuilder b;
    const int32_t in = b.input("in", {1, n});
    const int32_t shape = int32_activation(b, "shape", {2});
    b.op(OpCode::Shape, {in}, {shape});
    const int32_t out = b.activation("out", {2});
    b.op(OpCode::Gather, {b.constant("params", {3}, {10, 20, 30}), shape}, {out});
    b.output(out);
    Interpreter interpreter(b.model);
    interpreter.set_input(0, std::vector<float>(static_cast<size_t>(n), 0.0f));
    if (n == 2) {
      interpreter.run();
      EXPECT_EQ(std::vector<float>(interpreter.output(0).begin(), interpreter.output(0).end()),
                (std::vector<float>{20, 30}));
      continue;
    }
    try {
      interpreter.run();
      ADD_FAILURE() << "an index out of range ran";
    } catch (const InputError &e) {
      EXPECT_NE(std::string(e.what()).find("operator #1 (Gather): index 4 (element 1 of the "
                                           "indices) is outside the gathered axis [0, 3)"),
                std::string::npos)
          << e.what();
    }
  }
}

TEST(InterpreterTest, FusedActivationOnIntegerConcatenationIsRefused) {
  ModelBuilder b;
  const int32_t in = b.input("in", {2, 3});
  const int32_t shape = int32_activation(b, "shape", {2});
  b.op(OpCode::Shape, {in}, {shape});
  const int32_t joined = int32_activation(b, "joined", {4});
  b.op(OpCode::Concatenation, {shape, shape}, {joined},
       ir::ConcatenationOptions{0, ir::Activation::Relu});
  const int32_t out = b.activation("out", {4, 2});
  b.op(OpCode::OneHot,
       {joined, b.int32_constant("depth", {}, {2}), b.constant("on", {}, {1}),
        b.constant("off", {}, {0})},
       {out});
  b.output(out);
  const std::string message = error_of<InputError>(b.model);
  EXPECT_NE(message.find("operator #1 (Concatenation): a fused activation (RELU) on INT32 values"),
            std::string::npos)
      << message;
}

} // namespace
} // namespace qgold::interp

namespace qgold::interp {
namespace {

// A quantized tensor of `dtype` with one scale and zero point.
ir::Tensor quantized(std::string name, ir::DType dtype, ir::Shape shape, float scale,
                     int64_t zero_point) {
  ir::Tensor tensor;
  tensor.name = std::move(name);
  tensor.dtype = dtype;
  tensor.shape = std::move(shape);
  tensor.quant = ir::QuantParams{{}, {}, {scale}, {zero_point}, 0};
  return tensor;
}

// float in -> Quantize (uint8 0.5, 128) -> Add a uint8 constant -> Dequantize -> ReLU (float).
struct MixedModel {
  testing::ModelBuilder b;
  int32_t in, codes, sum, back, out;

  MixedModel() {
    in = b.input("in", {4});
    codes = b.model.add_tensor(quantized("codes", ir::DType::UInt8, {4}, 0.5f, 128));
    b.op(ir::OpCode::Quantize, {in}, {codes});
    ir::Tensor two = quantized("two", ir::DType::UInt8, {1}, 0.25f, 0);
    two.set_values<uint8_t>(std::vector<uint8_t>{8}); // 2.0
    const int32_t constant = b.model.add_tensor(two);
    sum = b.model.add_tensor(quantized("sum", ir::DType::UInt8, {4}, 1.0f, 100));
    b.op(ir::OpCode::Add, {codes, constant}, {sum});
    back = b.activation("back", {4});
    b.op(ir::OpCode::Dequantize, {sum}, {back});
    out = b.activation("out", {4});
    b.op(ir::OpCode::Relu, {back}, {out});
    b.output(out);
  }
};

TEST(Interpreter, RunsQuantizedOpsOnIntegerKernelsAndFloatOpsOnFloatOnes) {
  MixedModel m;
  Interpreter interpreter(m.b.model, Kernels::FloatAndInteger);
  // x -> code round(x / 0.5) + 128 -> + 2.0 at scale 1 -> float -> ReLU.
  interpreter.set_input(0, std::vector<float>{1.0f, -7.0f, 3.24f, 200.0f});
  interpreter.run();
  const auto out = interpreter.output(0);
  EXPECT_EQ(std::vector<float>(out.begin(), out.end()), (std::vector<float>{3, 0, 5, 66}));
  // The integer tensors in their own dtype: codes 130, 114, 134 (3.24 -> 6.48 -> 6), 255.
  const auto codes = interpreter.tensor_bytes(m.codes);
  EXPECT_EQ(std::vector<uint8_t>(codes.begin(), codes.end()),
            (std::vector<uint8_t>{130, 114, 134, 255}));
  const auto sum = interpreter.tensor_bytes(m.sum);
  EXPECT_EQ(std::vector<uint8_t>(sum.begin(), sum.end()), (std::vector<uint8_t>{103, 95, 105, 166}));
}

TEST(Interpreter, QuantizedModelsNeedTheIntegerKernels) {
  MixedModel m;
  EXPECT_NE(error_of<UnsupportedError>(m.b.model).find("Quantize"), std::string::npos);
}

TEST(Interpreter, IntegerGraphInputsTakeTheirBytes) {
  testing::ModelBuilder b;
  const int32_t in = b.model.add_tensor(quantized("in", ir::DType::Int8, {2}, 1.0f, 0));
  b.model.inputs.push_back(in);
  const int32_t out = b.model.add_tensor(quantized("out", ir::DType::Int8, {2}, 0.5f, 0));
  b.op(ir::OpCode::Relu, {in}, {out});
  b.output(out);
  Interpreter interpreter(b.model, Kernels::FloatAndInteger);
  const std::vector<uint8_t> bytes = {static_cast<uint8_t>(int8_t{-3}), 40};
  interpreter.set_input_bytes(0, bytes);
  interpreter.run();
  const auto result = interpreter.tensor_bytes(out);
  EXPECT_EQ(std::vector<uint8_t>(result.begin(), result.end()), (std::vector<uint8_t>{0, 80}));
  EXPECT_THROW(interpreter.set_input_bytes(0, std::vector<uint8_t>{1}), InputError);
  EXPECT_THROW(interpreter.set_input(0, std::vector<float>{1, 2}), InputError); // not float32
  EXPECT_THROW(interpreter.output(0), InputError);                            // not float32
  // The float interpreter refuses integer graph inputs.
  EXPECT_NE(error_of<UnsupportedError>(b.model).find("takes float32 inputs"), std::string::npos);
}

TEST(Interpreter, AnIntegerKernelNamesTheDtypesItCannotRun) {
  // A uint8 Add given an int16 operand without a Quantize between.
  testing::ModelBuilder b;
  const int32_t x = b.model.add_tensor(quantized("x", ir::DType::UInt8, {2}, 1.0f, 0));
  b.model.inputs.push_back(x);
  ir::Tensor y = quantized("y", ir::DType::Int16, {2}, 1.0f, 0);
  y.set_values<int16_t>(std::vector<int16_t>{1, 2});
  const int32_t y_index = b.model.add_tensor(y);
  const int32_t sum = b.model.add_tensor(quantized("sum", ir::DType::UInt8, {2}, 1.0f, 0));
  b.op(ir::OpCode::Add, {x, y_index}, {sum});
  b.output(sum);
  try {
    Interpreter interpreter(b.model, Kernels::FloatAndInteger);
    ADD_FAILURE() << "an int16 operand of a uint8 Add was accepted";
  } catch (const UnsupportedError &e) {
    EXPECT_NE(std::string(e.what()).find(
                  "operator #0 (Add): input 1 (tensor #1 'y') is INT16; this kernel runs on UINT8"),
              std::string::npos)
        << e.what();
  }
}

TEST(Interpreter, InconsistentQuantizationIsAnInputErrorNamingTheTensor) {
  testing::ModelBuilder b;
  const int32_t in = b.model.add_tensor(quantized("in", ir::DType::UInt8, {2}, 1.0f, 0));
  b.model.inputs.push_back(in);
  const int32_t out = b.model.add_tensor(quantized("out", ir::DType::UInt8, {2}, -2.0f, 0));
  b.op(ir::OpCode::Relu, {in}, {out});
  b.output(out);
  try {
    Interpreter interpreter(b.model, Kernels::FloatAndInteger);
    ADD_FAILURE() << "a negative scale was accepted";
  } catch (const InputError &e) {
    EXPECT_NE(std::string(e.what()).find("'out') has scale -2"), std::string::npos) << e.what();
  }
}

} // namespace
} // namespace qgold::interp
