// The integer binders of the data-movement ops (movement.cpp) on small
// quantized models written as tflchef recipes: codes moved as the float
// kernels move values, requantized where the output's parameters differ,
// padding with the zero point or the constant's code. Expected codes by hand.

#include "interp/interpreter.h"
#include "ir/error.h"
#include "recipe/recipe.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

namespace qgold::interp {
namespace {

ir::Model model_of(const std::string &text) {
  return recipe::build_model(recipe::parse_tflchef_recipe(text, "movement.recipe"));
}

template <typename T> std::vector<uint8_t> bytes_of(const std::vector<T> &codes) {
  std::vector<uint8_t> bytes(codes.size() * sizeof(T));
  std::memcpy(bytes.data(), codes.data(), bytes.size());
  return bytes;
}

template <typename T> std::vector<T> run_one(const ir::Model &model, const std::vector<T> &input,
                                             size_t output = 0) {
  Interpreter interpreter(model, Kernels::FloatAndInteger);
  interpreter.set_input_bytes(0, bytes_of(input));
  interpreter.run();
  const auto bytes = interpreter.tensor_bytes(model.outputs.at(output));
  std::vector<T> codes(bytes.size() / sizeof(T));
  std::memcpy(codes.data(), bytes.data(), bytes.size());
  return codes;
}

std::string transpose_u8(const std::string &output_quant) {
  return R"(
operand { name: "ifm" type: UINT8 shape { dim: 2 dim: 3 } quant { scale: 0.5 zero_point: 128 } }
operand { name: "perm" type: INT32 shape { dim: 2 } filler { tag: "explicit" arg: "1" arg: "0" } }
operand { name: "ofm" type: UINT8 shape { dim: 3 dim: 2 } quant { )" +
         output_quant + R"( } }
operation { type: "Transpose" input: "ifm" input: "perm" output: "ofm" }
input: "ifm"
output: "ofm"
)";
}

TEST(QuantizedMovement, TransposeCopiesCodesWithTheInputsParameters) {
  const ir::Model model = model_of(transpose_u8("scale: 0.5 zero_point: 128"));
  EXPECT_EQ(run_one<uint8_t>(model, {0, 127, 129, 255, 128, 10}),
            (std::vector<uint8_t>{0, 255, 127, 128, 129, 10}));
}

TEST(QuantizedMovement, OtherOutputParametersRequantizeTheMovedCodes) {
  // 100 + (q - 128) * 0.5 / 1.0, TFLite's Requantize: ties toward +inf (127 -> -0.5 -> 0,
  // 129 -> 0.5 -> 1), 255 -> 63.5 -> 64.
  const ir::Model model = model_of(transpose_u8("scale: 1.0 zero_point: 100"));
  EXPECT_EQ(run_one<uint8_t>(model, {0, 127, 129, 255, 128, 10}),
            (std::vector<uint8_t>{36, 164, 100, 100, 101, 41}));
}

TEST(QuantizedMovement, SpaceToBatchNDPadsWithTheZeroPoint) {
  const ir::Model model = model_of(R"(
operand { name: "ifm" type: INT8 shape { dim: 1 dim: 2 dim: 2 dim: 1 } quant { scale: 0.1 zero_point: -5 } }
operand { name: "block" type: INT32 shape { dim: 2 } filler { tag: "explicit" arg: "2" arg: "2" } }
operand { name: "pad" type: INT32 shape { dim: 2 dim: 2 }
  filler { tag: "explicit" arg: "0" arg: "0" arg: "0" arg: "2" } }
operand { name: "ofm" type: INT8 shape { dim: 4 dim: 1 dim: 2 dim: 1 } quant { scale: 0.1 zero_point: -5 } }
operation { type: "SpaceToBatchND" input: "ifm" input: "block" input: "pad" output: "ofm" }
input: "ifm"
output: "ofm"
)");
  // Padded rows [1 2 p p], [3 4 p p]; batch (i, j) takes row i, columns j and j + 2.
  EXPECT_EQ(run_one<int8_t>(model, {1, 2, 3, 4}), (std::vector<int8_t>{1, -5, 2, -5, 3, -5, 4, -5}));
}

TEST(QuantizedMovement, PadV2PadsWithTheConstantsCode) {
  const ir::Model model = model_of(R"(
operand { name: "ifm" type: INT16 shape { dim: 1 dim: 2 } quant { scale: 0.01 zero_point: 0 } }
operand { name: "pad" type: INT32 shape { dim: 2 dim: 2 }
  filler { tag: "explicit" arg: "0" arg: "0" arg: "1" arg: "1" } }
operand { name: "value" type: INT16 shape { dim: 1 } filler { tag: "explicit" arg: "7" }
  quant { scale: 0.01 zero_point: 0 } }
operand { name: "ofm" type: INT16 shape { dim: 1 dim: 4 } quant { scale: 0.01 zero_point: 0 } }
operation { type: "PadV2" input: "ifm" input: "pad" input: "value" output: "ofm" }
input: "ifm"
output: "ofm"
)");
  EXPECT_EQ(run_one<int16_t>(model, {-300, 300}), (std::vector<int16_t>{7, -300, 300, 7}));
}

TEST(QuantizedMovement, GatherTakesInt16RowsByIndex) {
  const ir::Model model = model_of(R"(
operand { name: "ifm" type: INT16 shape { dim: 3 dim: 2 } quant { scale: 0.01 zero_point: 0 } }
operand { name: "idx" type: INT32 shape { dim: 2 } filler { tag: "explicit" arg: "2" arg: "0" } }
operand { name: "ofm" type: INT16 shape { dim: 2 dim: 2 } quant { scale: 0.01 zero_point: 0 } }
operation { type: "Gather" gather_options { axis: 0 } input: "ifm" input: "idx" output: "ofm" }
input: "ifm"
output: "ofm"
)");
  EXPECT_EQ(run_one<int16_t>(model, {1, -2, 3, 4, 5, -32767}),
            (std::vector<int16_t>{5, -32767, 1, -2}));
}

TEST(QuantizedMovement, PackRescalesAnInputWithOtherParameters) {
  const ir::Model model = model_of(R"(
operand { name: "a" type: UINT8 shape { dim: 2 } quant { scale: 0.5 zero_point: 128 } }
operand { name: "b" type: UINT8 shape { dim: 2 } filler { tag: "explicit" arg: "130" arg: "126" }
  quant { scale: 1.0 zero_point: 128 } }
operand { name: "ofm" type: UINT8 shape { dim: 2 dim: 2 } quant { scale: 0.5 zero_point: 128 } }
operation { type: "Pack" pack_options { values_count: 2 axis: 1 } input: "a" input: "b" output: "ofm" }
input: "a"
output: "ofm"
)");
  // b's reals 2 and -2 are codes 132 and 124 at scale 0.5.
  EXPECT_EQ(run_one<uint8_t>(model, {130, 126}), (std::vector<uint8_t>{130, 132, 126, 124}));
}

TEST(QuantizedMovement, OneHotWritesTheOnAndOffCodes) {
  const ir::Model model = model_of(R"(
operand { name: "idx" type: INT32 shape { dim: 3 } }
operand { name: "depth" type: INT32 shape { } filler { tag: "explicit" arg: "3" } }
operand { name: "on" type: UINT8 shape { } filler { tag: "explicit" arg: "200" }
  quant { scale: 0.5 zero_point: 100 } }
operand { name: "off" type: UINT8 shape { } filler { tag: "explicit" arg: "100" }
  quant { scale: 0.5 zero_point: 100 } }
operand { name: "ofm" type: UINT8 shape { dim: 3 dim: 3 } quant { scale: 0.5 zero_point: 100 } }
operation { type: "OneHot" onehot_options { axis: -1 }
  input: "idx" input: "depth" input: "on" input: "off" output: "ofm" }
input: "idx"
output: "ofm"
)");
  Interpreter interpreter(model, Kernels::FloatAndInteger);
  interpreter.set_input_bytes(0, bytes_of(std::vector<int32_t>{1, 0, 3}));
  interpreter.run();
  const auto out = interpreter.tensor_bytes(model.outputs[0]);
  EXPECT_EQ(std::vector<uint8_t>(out.begin(), out.end()),
            (std::vector<uint8_t>{100, 200, 100, 200, 100, 100, 100, 100, 100}));
}

TEST(QuantizedMovement, ShapeOfAQuantizedTensorIsExact) {
  const ir::Model model = model_of(R"(
operand { name: "ifm" type: UINT8 shape { dim: 1 dim: 2 dim: 3 } quant { scale: 0.5 zero_point: 128 } }
operand { name: "ofm" type: INT32 shape { dim: 3 } }
operation { type: "Shape" shape_options { out_type: INT32 } input: "ifm" output: "ofm" }
input: "ifm"
output: "ofm"
)");
  Interpreter interpreter(model, Kernels::FloatAndInteger);
  interpreter.set_input_bytes(0, std::vector<uint8_t>(6, 7));
  interpreter.run();
  const auto out = interpreter.tensor_bytes(model.outputs[0]);
  EXPECT_EQ(out.size(), 3 * sizeof(int32_t));
  std::vector<int32_t> dims(3);
  std::memcpy(dims.data(), out.data(), out.size());
  EXPECT_EQ(dims, (std::vector<int32_t>{1, 2, 3}));
}

TEST(QuantizedMovement, UnpackRequantizesEachOutputToItsOwnParameters) {
  const ir::Model model = model_of(R"(
operand { name: "ifm" type: INT8 shape { dim: 2 dim: 2 } quant { scale: 0.5 zero_point: 0 } }
operand { name: "o0" type: INT8 shape { dim: 2 } quant { scale: 0.5 zero_point: 0 } }
operand { name: "o1" type: INT8 shape { dim: 2 } quant { scale: 0.5 zero_point: 10 } }
operation { type: "Unpack" unpack_options { num: 2 axis: 0 } input: "ifm" output: "o0" output: "o1" }
input: "ifm"
output: "o0"
output: "o1"
)");
  EXPECT_EQ(run_one<int8_t>(model, {1, -2, 127, -128}, 0), (std::vector<int8_t>{1, -2}));
  // Zero point 10: shifted, clamped at 127.
  EXPECT_EQ(run_one<int8_t>(model, {1, -2, 127, -128}, 1), (std::vector<int8_t>{127, -118}));
}

TEST(QuantizedMovement, AnOutputOfAnotherDtypeIsRefused) {
  const ir::Model model = model_of(R"(
operand { name: "ifm" type: UINT8 shape { dim: 2 } quant { scale: 0.5 zero_point: 128 } }
operand { name: "ofm" type: INT8 shape { dim: 1 dim: 2 } quant { scale: 0.5 zero_point: 0 } }
operand { name: "axis" type: INT32 shape { } filler { tag: "explicit" arg: "0" } }
operation { type: "ExpandDims" input: "ifm" input: "axis" output: "ofm" }
input: "ifm"
output: "ofm"
)");
  try {
    Interpreter interpreter(model, Kernels::FloatAndInteger);
    FAIL() << "accepted a uint8 ExpandDims with an int8 output";
  } catch (const InputError &e) {
    EXPECT_NE(std::string(e.what()).find("output 0 is INT8, its input UINT8"), std::string::npos)
        << e.what();
  }
}

} // namespace
} // namespace qgold::interp
