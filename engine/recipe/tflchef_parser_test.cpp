#include "recipe/recipe.h"
#include "recipe/test_util.h"

#include <gtest/gtest.h>

namespace qgold::recipe {
namespace {

using test_support::input_error;
using test_support::unsupported_error;
using ::testing::HasSubstr;

const char *kRecipe = R"(# a DepthwiseConv2D recipe
operand {
  name: "ifm"
  type: FLOAT32
  shape { dim: 1 dim: 4 dim: 2 dim: 2 }
  quant { min: -1 max: 1.5e0 scale: 0.25 zero_point: -3 quantized_dimension: 3 }
}
operand {
  name: "ker"
  type: FLOAT32
  shape { dim: 1 dim: 2 dim: 2 dim: 4 }
  filler { tag: "gaussian" arg: "0.0" arg: "1.0" }
}
operand { name: "ofm" type: FLOAT32 shape { dim: 1 dim: 2 dim: 1 dim: 4 } }
operation {
  type: "DepthwiseConv2D"
  version: 2
  depthwiseconv2d_options {
    padding: VALID
    stride_w: 1
    stride_h: 2
    depth_multiplier: 2
    activation: RELU
  }
  input: "ifm"
  input: "ker"
  input: ""
  output: "ofm"
}
input: "ifm"
output: "ofm"
name: "dw"
version: 1
)";

TEST(TflchefRecipe, ParsesOperandsOperationsAndOptions) {
  Recipe r = parse_tflchef_recipe(kRecipe, "dw.recipe");
  EXPECT_EQ(r.name, "dw");
  ASSERT_EQ(r.operands.size(), 3u);
  EXPECT_EQ(r.operands[0].shape, (ir::Shape{1, 4, 2, 2}));
  EXPECT_EQ(r.operands[0].location.to_string(), "dw.recipe:2:1");
  ASSERT_TRUE(r.operands[0].quant);
  EXPECT_EQ(r.operands[0].quant->min, std::vector<float>{-1.0f});
  EXPECT_EQ(r.operands[0].quant->max, std::vector<float>{1.5f});
  EXPECT_EQ(r.operands[0].quant->zero_point, std::vector<int64_t>{-3});
  EXPECT_EQ(r.operands[0].quant->quantized_dimension, 3);
  ASSERT_TRUE(r.operands[1].filler);
  EXPECT_EQ(r.operands[1].filler->tag, "gaussian");
  EXPECT_EQ(r.operands[1].filler->args, (std::vector<std::string>{"0.0", "1.0"}));
  EXPECT_EQ(r.operands[1].filler->location.to_string(), "dw.recipe:12:3");
  ASSERT_EQ(r.operations.size(), 1u);
  const Operation &op = r.operations[0];
  EXPECT_EQ(op.location.to_string(), "dw.recipe:15:1");
  EXPECT_EQ(op.code, ir::OpCode::DepthwiseConv2D);
  EXPECT_EQ(op.inputs, (std::vector<std::string>{"ifm", "ker", ""}));
  const auto &opts = std::get<ir::DepthwiseConv2DOptions>(op.options);
  EXPECT_EQ(opts.stride_h, 2);
  EXPECT_EQ(opts.depth_multiplier, 2);
  EXPECT_EQ(opts.activation, ir::Activation::Relu);
  EXPECT_EQ(opts.padding, ir::Padding::Valid);
}

TEST(TflchefRecipe, CirclechefInstanceNormAndRepeatedNewShape) {
  Recipe r = parse_tflchef_recipe(R"(
operation { type: "InstanceNorm" input: "a" input: "g" input: "b" output: "c"
  instance_norm_options { epsilon: 0.001 activation: NONE } }
operation { type: "Reshape" input: "c" output: "d" reshape_options { new_shape: 1 new_shape: -1 } }
operation { type: "Pad" input: "d" input: "p" output: "e" pad_options { } }
)",
                                  "c.recipe");
  EXPECT_EQ(std::get<ir::InstanceNormOptions>(r.operations[0].options).epsilon, 0.001f);
  EXPECT_EQ(std::get<ir::ReshapeOptions>(r.operations[1].options).new_shape,
            (std::vector<int32_t>{1, -1}));
  EXPECT_EQ(r.operations[2].code, ir::OpCode::Pad);
}

std::string chef_error(const std::string &text) {
  return input_error([&] { parse_tflchef_recipe(text, "x.recipe"); });
}
std::string chef_unsupported(const std::string &text) {
  return unsupported_error([&] { parse_tflchef_recipe(text, "x.recipe"); });
}

TEST(TflchefRecipe, UnknownFieldsAndWrongValueKinds) {
  // Schema errors are TextFormat's; the place is where it stopped reading.
  EXPECT_THAT(chef_error("operand { name: \"a\" type: FLOAT32 shpe { dim: 1 } }"),
              HasSubstr("x.recipe:1:40: Message type \"tflchef.Operand\" has no field named "
                        "\"shpe\"."));
  EXPECT_THAT(chef_error("operand { name: a type: FLOAT32 }"),
              HasSubstr("x.recipe:1:17: Expected string, got: a"));
  EXPECT_THAT(chef_error("operand { name: \"a\" type: FLOAT8 }"),
              HasSubstr("x.recipe:1:34: Unknown enumeration value of \"FLOAT8\" for field \"type\"."));
  EXPECT_THAT(chef_error("operand { name: \"a\" type: FLOAT32 shape { dim: -1 } }"),
              HasSubstr("x.recipe:1:48: Expected integer, got: -"));
  EXPECT_THAT(chef_error("operand { name: \"a\" name: \"b\" type: FLOAT32 }"),
              HasSubstr("x.recipe:1:25: Non-repeated field \"name\" is specified multiple times."));
  // What the schema allows but a recipe needs is checked after parsing.
  EXPECT_THAT(chef_error("operand { type: FLOAT32 }"),
              HasSubstr("x.recipe:1:1: operand needs a name"));
  EXPECT_THAT(chef_error("operand { name: \"a\" type: FLOAT32 filler { arg: \"1\" } }"),
              HasSubstr("x.recipe:1:35: filler needs a tag"));
}

TEST(TflchefRecipe, OptionErrors) {
  EXPECT_THAT(chef_error("operation { type: \"Conv2D\" add_options { activation: NONE } }"),
              HasSubstr("x.recipe:1:28: options 'add_options' do not belong to operation type "
                        "'Conv2D' (expected conv2d_options)"));
  EXPECT_THAT(chef_error("operation { type: \"Add\" add_options { padding: SAME } }"),
              HasSubstr("x.recipe:1:46: Message type \"tflchef.ActivationOptions\" has no field "
                        "named \"padding\"."));
  EXPECT_THAT(chef_error("operation { type: \"Conv2D\" conv2d_options { padding: FULL } }"),
              HasSubstr("x.recipe:1:59: Unknown enumeration value of \"FULL\" for field "
                        "\"padding\"."));
  EXPECT_THAT(chef_error("operation { type: \"Conv2D\" conv2d_options { stride_w: 1.5 } }"),
              HasSubstr("x.recipe:1:55: Expected integer, got: 1.5"));
  EXPECT_THAT(chef_error("operation { type: \"Conv2D\" conv2d_options { padding: \"SAME\" } }"),
              HasSubstr("x.recipe:1:54: Expected integer or identifier, got: \"SAME\""));
  EXPECT_THAT(chef_error("operation { type: \"ReLU\" add_options { } }"),
              HasSubstr("x.recipe:1:26: operation type 'ReLU' takes no options, got 'add_options'"));
  EXPECT_THAT(chef_error("operation { type: \"Add\" add_options { } sub_options { } }"),
              HasSubstr("x.recipe:1:25: operation has two options messages ('sub_options' and "
                        "'add_options')"));
  EXPECT_THAT(chef_error("operation { input: \"a\" }"),
              HasSubstr("x.recipe:1:1: operation needs a type"));
}

TEST(TflchefRecipe, UnsupportedFeaturesAreUnsupportedErrors) {
  EXPECT_THAT(chef_unsupported("operand { name: \"a\" type: FLOAT32 sparsity { } }"),
              HasSubstr("x.recipe:1:35: field 'sparsity' of operand is not supported by qgold"));
  EXPECT_THAT(chef_unsupported("operand { name: \"a\" type: FLOAT32 is_variable: true }"),
              HasSubstr("x.recipe:1:35: variable tensors are not supported by qgold"));
  EXPECT_THAT(chef_unsupported("operand { name: \"a\" type: STRING }"),
              HasSubstr("x.recipe:1:21: tensor type STRING is not supported by qgold"));
  EXPECT_THAT(chef_unsupported("operation { type: \"Range\" }"),
              HasSubstr("x.recipe:1:13: operation type 'Range' is not supported by qgold"));
  EXPECT_THAT(chef_unsupported("operation { type: \"AddV2\" extype: \"Custom\" }"),
              HasSubstr("x.recipe:1:27: field 'extype' of operation is not supported by qgold"));
}

} // namespace
} // namespace qgold::recipe
