#include "recipe/recipe.h"
#include "recipe/test_util.h"

#include <gtest/gtest.h>

namespace qgold::recipe {
namespace {

using test_support::input_error;
using ::testing::HasSubstr;

const char *kConv = R"(name: net
seed: 12
operands:
  - name: ifm
    type: FLOAT32
    shape: [1, 5, 5, 1]
  - name: ker
    type: FLOAT32
    shape: [2, 3, 3, 1]
    filler: {tag: gaussian, args: [0.0, 1.5]}
    quant: {min: [-1], max: [1], scale: [0.5, 0.25], zero_point: [0, 3], quantized_dimension: 0}
  - name: ofm
    type: FLOAT32
    shape: [1, 3, 3, 2]
operations:
  - type: Conv2D
    inputs: [ifm, ker, ""]
    outputs: [ofm]
    options: {padding: SAME, stride_w: 2, stride_h: 2, dilation_w_factor: 1, activation: RELU6}
inputs: [ifm]
outputs: [ofm]
)";

TEST(YamlRecipe, ParsesEveryPart) {
  Recipe r = parse_yaml_recipe(kConv, "conv.yaml");
  EXPECT_EQ(r.name, "net");
  EXPECT_EQ(r.seed, 12u);
  ASSERT_EQ(r.operands.size(), 3u);
  EXPECT_EQ(r.operands[1].name, "ker");
  EXPECT_EQ(r.operands[1].shape, (ir::Shape{2, 3, 3, 1}));
  EXPECT_EQ(r.operands[1].location.to_string(), "conv.yaml:7:5");
  ASSERT_TRUE(r.operands[1].filler);
  EXPECT_EQ(r.operands[1].filler->tag, "gaussian");
  EXPECT_EQ(r.operands[1].filler->args, (std::vector<std::string>{"0.0", "1.5"}));
  EXPECT_EQ(r.operands[1].filler->location.to_string(), "conv.yaml:10:13");
  ASSERT_TRUE(r.operands[1].quant);
  EXPECT_EQ(r.operands[1].quant->scale, (std::vector<float>{0.5f, 0.25f}));
  EXPECT_EQ(r.operands[1].quant->zero_point, (std::vector<int64_t>{0, 3}));
  EXPECT_FALSE(r.operands[0].filler);
  ASSERT_EQ(r.operations.size(), 1u);
  const Operation &conv = r.operations[0];
  EXPECT_EQ(conv.code, ir::OpCode::Conv2D);
  EXPECT_EQ(conv.inputs, (std::vector<std::string>{"ifm", "ker", ""}));
  EXPECT_EQ(conv.location.to_string(), "conv.yaml:16:5");
  ir::Conv2DOptions expected;
  expected.padding = ir::Padding::Same;
  expected.stride_w = expected.stride_h = 2;
  expected.activation = ir::Activation::Relu6;
  EXPECT_EQ(std::get<ir::Conv2DOptions>(conv.options), expected);
  EXPECT_EQ(r.inputs, std::vector<std::string>{"ifm"});
  EXPECT_EQ(r.outputs, std::vector<std::string>{"ofm"});
}

TEST(YamlRecipe, OmittedOptionsTakeRecipeDefaults) {
  Recipe r = parse_yaml_recipe(R"(operands: []
operations:
  - {type: MaxPool2D, inputs: [a], outputs: [b]}
  - {type: Softmax, inputs: [b], outputs: [c]}
inputs: [a]
outputs: [c]
)",
                               "d.yaml");
  EXPECT_EQ(r.name, "main");
  EXPECT_EQ(r.seed, 0u);
  const auto &pool = std::get<ir::Pool2DOptions>(r.operations[0].options);
  EXPECT_EQ(pool.padding, ir::Padding::Valid);
  EXPECT_EQ(pool.stride_w, 1);
  EXPECT_EQ(pool.filter_height, 1);
  EXPECT_EQ(std::get<ir::SoftmaxOptions>(r.operations[1].options).beta, 0.0f);
}

TEST(YamlRecipe, ReshapeNewShapeAndMeanKeepDims) {
  Recipe r = parse_yaml_recipe(R"(operands: []
operations:
  - type: Reshape
    inputs: [a]
    outputs: [b]
    options: {new_shape: [-1, 6]}
  - type: Mean
    inputs: [b, axes]
    outputs: [c]
    options: {keep_dims: true}
inputs: []
outputs: []
)",
                               "r.yaml");
  EXPECT_EQ(std::get<ir::ReshapeOptions>(r.operations[0].options).new_shape,
            (std::vector<int32_t>{-1, 6}));
  EXPECT_TRUE(std::get<ir::ReducerOptions>(r.operations[1].options).keep_dims);
}

std::string yaml_error(const std::string &text) {
  return input_error([&] { parse_yaml_recipe(text, "bad.yaml"); });
}

TEST(YamlRecipe, SyntaxErrorHasLocation) {
  EXPECT_THAT(yaml_error("operands: [a\noperations: []\n"), HasSubstr("bad.yaml:2:"));
  EXPECT_THAT(yaml_error("- 1\n- 2\n"),
              HasSubstr("bad.yaml:1:1: expected a mapping with the recipe keys at the top level, "
                        "got a sequence"));
}

TEST(YamlRecipe, UnknownTopLevelKey) {
  EXPECT_THAT(yaml_error("name: x\nseeds: 3\n"),
              HasSubstr("bad.yaml:2:1: unknown key 'seeds' in recipe (expected one of: name, "
                        "seed, operands, operations, inputs, outputs)"));
}

TEST(YamlRecipe, MissingRequiredKey) {
  EXPECT_THAT(yaml_error("name: x\noperands: []\noperations: []\ninputs: []\n"),
              HasSubstr("bad.yaml:1:1: recipe needs the key 'outputs'"));
}

TEST(YamlRecipe, DuplicateKey) {
  EXPECT_THAT(yaml_error("name: x\nname: y\n"),
              HasSubstr("bad.yaml:2:1: duplicate key 'name' in recipe"));
}

TEST(YamlRecipe, OperandErrors) {
  const char *head = "operations: []\ninputs: []\noutputs: []\noperands:\n";
  EXPECT_THAT(yaml_error(std::string(head) + "  - {name: a, type: FLOAT8, shape: [1]}\n"),
              HasSubstr("bad.yaml:5:21: unknown tensor type 'FLOAT8' (expected one of: FLOAT32, "
                        "INT32, UINT8, INT16, INT8, INT64, BOOL)"));
  EXPECT_THAT(yaml_error(std::string(head) + "  - {name: a, type: FLOAT32, shape: [1, x]}\n"),
              HasSubstr("bad.yaml:5:41: expected a non-negative 32-bit dim, got 'x'"));
  EXPECT_THAT(yaml_error(std::string(head) + "  - {name: a, type: FLOAT32, shape: 3}\n"),
              HasSubstr("bad.yaml:5:37: expected a sequence of a non-negative 32-bit dim, got a "
                        "scalar"));
  EXPECT_THAT(yaml_error(std::string(head) + "  - {name: a, type: FLOAT32}\n"),
              HasSubstr("bad.yaml:5:5: operand needs the key 'shape'"));
  EXPECT_THAT(yaml_error(std::string(head) +
                         "  - {name: a, type: FLOAT32, shape: [1], filler: {tag: constant, "
                         "arg: [1]}}\n"),
              HasSubstr("bad.yaml:5:66: unknown key 'arg' in filler (expected one of: tag, args)"));
  EXPECT_THAT(yaml_error(std::string(head) +
                         "  - {name: a, type: FLOAT32, shape: [1], quant: {scale: [x]}}\n"),
              HasSubstr("bad.yaml:5:58: expected a float, got 'x'"));
}

TEST(YamlRecipe, OperationErrors) {
  const char *head = "operands: []\ninputs: []\noutputs: []\noperations:\n";
  EXPECT_THAT(yaml_error(std::string(head) + "  - {type: Conv3D, inputs: [a], outputs: [b]}\n"),
              HasSubstr("bad.yaml:5:12: unknown operation type 'Conv3D' (expected one of: "
                        "InstanceNorm, Add,"));
  EXPECT_THAT(
      yaml_error(std::string(head) +
                 "  - {type: Add, inputs: [a], outputs: [b], options: {padding: SAME}}\n"),
      HasSubstr("bad.yaml:5:54: unknown option 'padding' for operation type 'Add' (expected one "
                "of: activation)"));
  EXPECT_THAT(
      yaml_error(std::string(head) +
                 "  - {type: Conv2D, inputs: [a], outputs: [b], options: {padding: FULL}}\n"),
      HasSubstr("bad.yaml:5:66: expected SAME or VALID for option 'padding', got 'FULL'"));
  EXPECT_THAT(
      yaml_error(std::string(head) +
                 "  - {type: Conv2D, inputs: [a], outputs: [b], options: {activation: SIGMOID}}\n"),
      HasSubstr("bad.yaml:5:69: expected one of NONE, RELU, RELU_N1_TO_1, RELU6, TANH for option "
                "'activation', got 'SIGMOID'"));
  EXPECT_THAT(
      yaml_error(std::string(head) +
                 "  - {type: Conv2D, inputs: [a], outputs: [b], options: {stride_w: 1.5}}\n"),
      HasSubstr("bad.yaml:5:67: expected a 32-bit integer for option 'stride_w', got '1.5'"));
  EXPECT_THAT(
      yaml_error(std::string(head) +
                 "  - {type: Mean, inputs: [a], outputs: [b], options: {keep_dims: maybe}}\n"),
      HasSubstr("bad.yaml:5:66: expected true or false for option 'keep_dims', got 'maybe'"));
  EXPECT_THAT(yaml_error(std::string(head) +
                         "  - {type: ReLU, inputs: [a], outputs: [b], options: {alpha: 1}}\n"),
              HasSubstr("bad.yaml:5:54: operation type 'ReLU' has no options"));
  EXPECT_THAT(yaml_error(std::string(head) + "  - {type: ReLU, inputs: a, outputs: [b]}\n"),
              HasSubstr("bad.yaml:5:26: expected a sequence of operation inputs (operand names), "
                        "got a scalar"));
}

} // namespace
} // namespace qgold::recipe
