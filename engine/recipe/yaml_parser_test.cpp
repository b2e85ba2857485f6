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
                        "seed, operands, operations, inputs, outputs, subgraphs, signature_defs, "
                        "ext_offset, calibration, tests)"));
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
                        "FLOAT16, INT32, UINT8, INT16, INT8, INT64, BOOL)"));
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

namespace qgold::recipe {
namespace {

using test_support::input_error;
using ::testing::HasSubstr;

// kConv's model with calibration and tests appended.
std::string with_tests(const std::string &extra) { return std::string(kConv) + extra; }

TEST(YamlRecipeTests, ParsesCalibrationAndTests) {
  Recipe r = parse_yaml_recipe(with_tests(R"(calibration: {records: 3, min: -2.5, max: 0.5, seed: 9}
tests:
  - {granularity: layer, dtype: uint8}
  - {granularity: channel, dtype: int8, weights_only: true}
  - granularity: channel
    dtype: int16
    qconf:
      - {name: ofm, dtype: uint8, granularity: layer}
      - {names: [ifm, ker], dtype: int16, granularity: channel}
)"),
                               "t.yaml");
  ASSERT_TRUE(r.calibration);
  EXPECT_EQ(r.calibration->records, 3u);
  EXPECT_EQ(r.calibration->min, -2.5f);
  EXPECT_EQ(r.calibration->max, 0.5f);
  EXPECT_EQ(r.calibration->seed, std::optional<uint64_t>(9));
  ASSERT_EQ(r.tests.size(), 3u);
  EXPECT_EQ(r.tests[0].granularity, "layer");
  EXPECT_EQ(r.tests[0].dtype, ir::DType::UInt8);
  EXPECT_FALSE(r.tests[0].weights_only);
  EXPECT_TRUE(r.tests[1].weights_only);
  EXPECT_EQ(r.tests[1].dtype, ir::DType::Int8);
  ASSERT_EQ(r.tests[2].qconf.size(), 2u);
  EXPECT_EQ(r.tests[2].qconf[0].names, (std::vector<std::string>{"ofm"}));
  EXPECT_TRUE(r.tests[2].qconf[0].single_name);
  EXPECT_EQ(r.tests[2].qconf[1].names, (std::vector<std::string>{"ifm", "ker"}));
  EXPECT_EQ(r.tests[2].qconf[1].dtype, ir::DType::Int16);
  EXPECT_EQ(r.tests[2].qconf[1].granularity, "channel");
  EXPECT_EQ(r.tests[2].location.to_string(), "t.yaml:26:5");
}

TEST(YamlRecipeTests, CalibrationDefaults) {
  Recipe r = parse_yaml_recipe(with_tests("calibration: {}\n"), "t.yaml");
  ASSERT_TRUE(r.calibration);
  EXPECT_EQ(r.calibration->records, 5u);
  EXPECT_EQ(r.calibration->min, -1.0f);
  EXPECT_EQ(r.calibration->max, 1.0f);
  EXPECT_FALSE(r.calibration->seed);
  EXPECT_FALSE(parse_yaml_recipe(kConv, "t.yaml").calibration);
}

TEST(YamlRecipeTests, RoundTripsThroughToYaml) {
  Recipe r = parse_yaml_recipe(with_tests(R"(calibration: {records: 2, min: 0.25, max: 1}
tests:
  - {granularity: channel, dtype: int16, weights_only: true}
  - granularity: layer
    dtype: uint8
    qconf: [{name: ofm, dtype: int16, granularity: channel}, {names: [a], dtype: uint8, granularity: layer}]
)"),
                               "t.yaml");
  std::string yaml = to_yaml(r);
  EXPECT_THAT(yaml, HasSubstr("calibration: {records: 2, min: 0.25, max: 1}\n"));
  EXPECT_THAT(yaml, HasSubstr("      - name: ofm\n        dtype: int16\n"));
  EXPECT_THAT(yaml, HasSubstr("      - names: [a]\n"));
  Recipe back = parse_yaml_recipe(yaml, "again.yaml");
  EXPECT_EQ(to_yaml(back), yaml);
  ASSERT_EQ(back.tests.size(), 2u);
  EXPECT_TRUE(back.tests[0].weights_only);
  EXPECT_EQ(back.tests[1].qconf[1].names, (std::vector<std::string>{"a"}));
  EXPECT_FALSE(back.tests[1].qconf[1].single_name);
}

TEST(YamlRecipeTests, RejectsInvalidConfigurations) {
  auto error = [](const std::string &extra) {
    return input_error([&] { parse_yaml_recipe(with_tests(extra), "t.yaml"); });
  };
  EXPECT_THAT(error("tests:\n  - {granularity: tensor, dtype: uint8}\n"),
              HasSubstr("t.yaml:23:19: unknown granularity 'tensor' (expected layer or channel)"));
  EXPECT_THAT(error("tests:\n  - {granularity: layer, dtype: int16}\n"),
              HasSubstr("t.yaml:23:19: int16 models are quantized per channel, got layer"));
  EXPECT_THAT(error("tests:\n  - {granularity: layer, dtype: int8}\n"),
              HasSubstr("t.yaml:23:19: int8 models are quantized per channel, got layer"));
  EXPECT_THAT(error("tests:\n  - {granularity: channel, dtype: uint8, weights_only: true}\n"),
              HasSubstr("t.yaml:23:35: weights-only tests quantize to int8 or int16, got uint8"));
  EXPECT_THAT(error("tests:\n  - {granularity: layer, dtype: int8, weights_only: true}\n"),
              HasSubstr("weights-only tests are per channel, got layer"));
  EXPECT_THAT(error("tests:\n  - {granularity: layer, dtype: float32}\n"),
              HasSubstr("t.yaml:23:33: unknown dtype 'float32' (expected one of: uint8, int8, "
                        "int16)"));
  EXPECT_THAT(error("tests:\n  - {granularity: layer, dtype: uint8, extra: 1}\n"),
              HasSubstr("unknown key 'extra' in test"));
  EXPECT_THAT(error("tests:\n  - {granularity: layer, dtype: uint8}\n"
                    "  - {granularity: layer, dtype: uint8}\n"),
              HasSubstr("t.yaml:24:5: duplicate test layer/uint8 (first at t.yaml:23:5)"));
  EXPECT_THAT(error("tests:\n  - {granularity: layer, dtype: uint8, qconf: "
                    "[{name: ofm, dtype: int8, granularity: layer}]}\n"),
              HasSubstr("unknown dtype 'int8' (expected one of: uint8, int16)"));
  EXPECT_THAT(error("tests:\n  - {granularity: layer, dtype: uint8, qconf: "
                    "[{name: ofm, names: [x], dtype: uint8, granularity: layer}]}\n"),
              HasSubstr("'name' or 'names', not both"));
  EXPECT_THAT(error("tests:\n  - {granularity: layer, dtype: uint8, qconf: []}\n"),
              HasSubstr("expected at least one qconf layer"));
  EXPECT_THAT(error("tests:\n  - {granularity: channel, dtype: int8, weights_only: true, "
                    "qconf: [{name: ofm, dtype: uint8, granularity: layer}]}\n"),
              HasSubstr("a weights-only test takes no qconf"));
  EXPECT_THAT(error("calibration: {records: 0}\n"),
              HasSubstr("t.yaml:22:24: expected a record count from 1 to 100000, got '0'"));
  EXPECT_THAT(error("calibration: {min: 2, max: 1}\n"),
              HasSubstr("t.yaml:22:14: calibration min 2 is greater than max 1"));
  EXPECT_THAT(error("calibration: {min: nan}\n"), HasSubstr("expected a finite float, got 'nan'"));
  EXPECT_THAT(error("calibration: {step: 1}\n"), HasSubstr("unknown key 'step' in calibration"));
}

TEST(YamlRecipe, TflchefFeatureKeys) {
  const std::string graph = "operands:\n  - {name: a, type: FLOAT32, shape: [2], shape_signature: [-1]}\n"
                            "  - {name: b, type: FLOAT32, shape: [2]}\n"
                            "operations:\n  - {type: Custom, custom_code: Op, inputs: [a], outputs: [b]}\n"
                            "inputs: [a]\noutputs: [b]\n";
  Recipe r = parse_yaml_recipe(graph + "ext_offset: true\nsubgraphs:\n  - " +
                                   "{operands: [], operations: [], inputs: [], outputs: []}\n" +
                                   "signature_defs:\n  - {key: s, inputs: [{name: x, tensor_index: 0}]}\n",
                               "f.yaml");
  EXPECT_EQ(r.operands[0].shape_signature, std::vector<int32_t>{-1});
  EXPECT_EQ(r.operations[0].custom_code, "Op");
  EXPECT_TRUE(r.ext_offset);
  ASSERT_EQ(r.subgraphs.size(), 1u);
  EXPECT_EQ(r.subgraphs[0].location.to_string(), "f.yaml:10:5");
  ASSERT_EQ(r.signatures.size(), 1u);
  EXPECT_EQ(r.signatures[0].inputs[0].index, 0u);
  EXPECT_THAT(yaml_error(graph + "ext_offset: maybe\n"),
              HasSubstr("bad.yaml:8:13: expected true or false, got 'maybe'"));
  EXPECT_THAT(yaml_error("operands: []\noperations:\n  - {type: ReLU, custom_code: x, inputs: [], outputs: []}\n"
                         "inputs: []\noutputs: []\n"),
              HasSubstr("bad.yaml:3:31: custom_code is for operation type 'Custom', not 'ReLU'"));
  EXPECT_THAT(yaml_error("operands: []\noperations:\n  - {type: Custom, inputs: [], outputs: []}\n"
                         "inputs: []\noutputs: []\n"),
              HasSubstr("bad.yaml:3:5: operation type 'Custom' needs a custom_code"));
  EXPECT_THAT(yaml_error(graph + "signature_defs:\n  - {key: s, inputs: [{name: x}]}\n"),
              HasSubstr("bad.yaml:9:23: a signature entry needs exactly one of 'tensor' and "
                        "'tensor_index'"));
  EXPECT_THAT(yaml_error(graph + "subgraphs:\n  - {operands: []}\n"),
              HasSubstr("bad.yaml:9:5: subgraph needs the key 'operations'"));
}

} // namespace
} // namespace qgold::recipe
