// tflchef text as protobuf's TextFormat reads it: every registered op and
// every bundled YAML recipe written as tflchef text builds the same model,
// and the tflchef features beyond one plain graph (subgraphs, signature defs,
// custom ops, shape signatures, sparse constants, external buffers, graph
// inputs with filler data) read the same in both recipe languages.
#include "recipe/recipe.h"
#include "recipe/test_util.h"

#include "ir/op_registry.h"
#include "ir/sparse.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

namespace qgold::recipe {
namespace {

using test_support::expect_same_model;
using test_support::input_error;
using ::testing::HasSubstr;
namespace fs = std::filesystem;

const fs::path kExamples = fs::path(QGOLD_SOURCE_DIR) / "recipes";

TEST(TflchefText, EnumValuesByNumber) {
  // ONE's own recipes write enums by number, as protobuf's text format allows.
  Recipe r = parse_tflchef_recipe(R"(
operand { name: "a" type: 0 shape { dim: 1 } }
operation { type: "Conv2D" conv2d_options { padding: 0 activation: 1 stride_w: 2 } }
operation { type: "Cast" cast_options { in_data_type: FLOAT32 out_data_type: 2 } }
operation { type: "MirrorPad" mirrorpad_options { mode: 1 } }
)",
                                  "n.recipe");
  EXPECT_EQ(r.operands[0].dtype, ir::DType::Float32);
  const auto &conv = std::get<ir::Conv2DOptions>(r.operations[0].options);
  EXPECT_EQ(conv.padding, ir::Padding::Same);
  EXPECT_EQ(conv.activation, ir::Activation::Relu);
  EXPECT_EQ(conv.stride_w, 2);
  EXPECT_EQ(conv.stride_h, 1); // recipe default
  EXPECT_EQ(std::get<ir::CastOptions>(r.operations[1].options).out_data_type, ir::DType::Int32);
  EXPECT_EQ(std::get<ir::MirrorPadOptions>(r.operations[2].options).mode,
            ir::MirrorPadMode::Symmetric);
  EXPECT_THAT(input_error([] { parse_tflchef_recipe("operation { type: \"Add\" add_options { activation: 9 } }", "n.recipe"); }),
              HasSubstr("n.recipe:1:53: Unknown enumeration value of \"9\""));
  EXPECT_THAT(input_error([] { parse_tflchef_recipe("operation { type: \"Add\" add_options { activation: SIGN_BIT } }", "n.recipe"); }),
              HasSubstr("n.recipe:1:39: field 'activation' value SIGN_BIT is not supported by qgold"));
}

// One operation of each registered op, every option field set to a value
// other than its default where the kind allows, written and read back.
TEST(TflchefText, EveryRegisteredOpRoundTripsItsOptions) {
  int with_options = 0;
  for (ir::OpCode code : ir::all_ops()) {
    SCOPED_TRACE(std::string(ir::op_name(code)));
    Recipe recipe;
    Operation operation;
    operation.code = code;
    operation.options = ir::default_options(code);
    if (code == ir::OpCode::Custom)
      operation.custom_code = "MyCustom";
    for (const ir::FieldInfo &field : ir::option_fields(operation.options)) {
      ir::FieldValue value = ir::get_option(operation.options, field.name);
      std::visit(
          [](auto &v) {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, ir::Padding>)
              v = ir::Padding::Same;
            else if constexpr (std::is_same_v<V, ir::Activation>)
              v = ir::Activation::Relu6;
            else if constexpr (std::is_same_v<V, ir::MirrorPadMode>)
              v = ir::MirrorPadMode::Symmetric;
            else if constexpr (std::is_same_v<V, ir::DType>)
              v = ir::DType::Int32;
            else if constexpr (std::is_same_v<V, int32_t>)
              v = v + 3;
            else if constexpr (std::is_same_v<V, bool>)
              v = !v;
            else if constexpr (std::is_same_v<V, float>)
              v = v + 0.375f;
            else
              v = {2, -1};
          },
          value);
      if (field.kind != ir::FieldKind::Fixed)
        ir::set_option(operation.options, field.name, value);
    }
    with_options += operation.options != ir::default_options(code);
    recipe.operations.push_back(operation);
    Recipe back = parse_tflchef_recipe(to_tflchef(recipe), "op.recipe");
    ASSERT_EQ(back.operations.size(), 1u);
    EXPECT_EQ(back.operations[0].code, code);
    EXPECT_EQ(back.operations[0].options, operation.options);
    EXPECT_EQ(back.operations[0].custom_code, operation.custom_code);
  }
  EXPECT_GT(with_options, 30);
}

// Every bundled YAML recipe, written as tflchef text, builds the same model.
TEST(TflchefText, EveryBundledRecipeBuildsTheSameModelFromTflchefText) {
  std::set<ir::OpCode> covered;
  int recipes = 0;
  for (const auto &entry : fs::directory_iterator(kExamples)) {
    if (entry.path().extension() != ".yaml")
      continue;
    SCOPED_TRACE(entry.path().filename().string());
    Recipe yaml = load_recipe(entry.path());
    std::string text = to_tflchef(yaml);
    Recipe chef = parse_tflchef_recipe(text, "converted.recipe");
    expect_same_model(build_model(yaml), build_model(chef));
    for (const Operation &operation : chef.operations)
      covered.insert(operation.code);
    ++recipes;
  }
  EXPECT_GT(recipes, 150);
  // Every op appears in some bundled recipe but a custom op and the
  // converter's storage ops (engine/quant/testdata has recipes with them).
  for (ir::OpCode code : ir::all_ops())
    if (code != ir::OpCode::Custom && code != ir::OpCode::Densify &&
        code != ir::OpCode::Dequantize && code != ir::OpCode::Quantize) {
      EXPECT_TRUE(covered.count(code)) << ir::op_name(code) << " has no bundled recipe";
    }
}

const char *kFeatures = R"(# every tflchef feature beyond one plain graph
operand { name: "ifm" type: FLOAT32 shape { dim: 1 dim: 4 } shape_signature { dim: -1 dim: 4 }
          filler { tag: "constant" arg: "7" } }
operand { name: "w" type: FLOAT32 shape { dim: 2 dim: 4 } make_sparse: true
          filler { tag: "explicit" arg: "0" arg: "1" arg: "0" arg: "0" arg: "2" arg: "0" arg: "0" arg: "3" } }
operand { name: "wd" type: FLOAT32 shape { dim: 2 dim: 4 } }
operand { name: "half" type: FLOAT16 shape { dim: 4 } filler { tag: "explicit" arg: "0.5" arg: "-2" arg: "65504" arg: "0.1" } }
operand { name: "hd" type: FLOAT32 shape { dim: 4 } }
operand { name: "sum" type: FLOAT32 shape { dim: 2 dim: 4 } }
operand { name: "ofm" type: FLOAT32 shape { dim: 2 dim: 4 } }
operation { type: "Densify" input: "w" output: "wd" }
operation { type: "Dequantize" input: "half" output: "hd" }
operation { type: "Add" input: "wd" input: "hd" output: "sum" }
operation { type: "Custom" custom_code: "MyOp" input: "sum" output: "ofm" }
input: "ifm"
output: "ofm"
graph {
  name: "branch"
  operand { name: "x" type: FLOAT32 shape { dim: 3 } }
  operand { name: "y" type: FLOAT32 shape { dim: 3 } }
  operation { type: "ReLU" input: "x" output: "y" }
  input: "x"
  output: "y"
}
graph {
  operand { name: "p" type: FLOAT32 shape { dim: 1 } }
  operand { name: "q" type: FLOAT32 shape { dim: 1 } }
  operation { type: "Tanh" input: "p" output: "q" }
  input: "p"
  output: "q"
}
signature_def { signature_key: "serving_default" inputs { name: "in" tensor: "ifm" }
                outputs { name: "out" tensor_index: 6 } }
signature_def { signature_key: "branch" subgraph_index: 1 inputs { name: "x" tensor: "x" }
                outputs { name: "y" tensor: "y" } }
ext_offset: true
)";

TEST(TflchefText, FeaturesBeyondOnePlainGraph) {
  Recipe recipe = parse_tflchef_recipe(kFeatures, "f.recipe");
  ir::Model m = build_model(recipe);
  EXPECT_TRUE(m.external_buffers);
  // A graph input with filler data stays an input; its data is left out.
  EXPECT_EQ(m.inputs, std::vector<int32_t>{0});
  EXPECT_FALSE(m.tensors[0].is_constant());
  EXPECT_EQ(m.tensors[0].shape_signature, (std::vector<int32_t>{-1, 4}));
  // make_sparse: last dim CSR, zeros left out.
  const ir::Tensor &w = m.tensors[m.find_tensor("w")];
  ASSERT_TRUE(w.sparsity);
  EXPECT_TRUE(w.sparsity->dims.back().csr);
  EXPECT_EQ(w.values<float>(), (std::vector<float>{1, 2, 3}));
  std::vector<uint8_t> dense = ir::densify(w);
  std::vector<float> floats(dense.size() / 4);
  std::memcpy(floats.data(), dense.data(), dense.size());
  EXPECT_EQ(floats, (std::vector<float>{0, 1, 0, 0, 2, 0, 0, 3}));
  // FLOAT16 constants hold half-precision bits (0.1 rounds to 0x2e66).
  const ir::Tensor &half = m.tensors[m.find_tensor("half")];
  EXPECT_EQ(half.dtype, ir::DType::Float16);
  EXPECT_EQ(half.values<uint16_t>(), (std::vector<uint16_t>{0x3800, 0xc000, 0x7bff, 0x2e66}));
  EXPECT_EQ(m.operators.back().code, ir::OpCode::Custom);
  EXPECT_EQ(m.operators.back().custom_code, "MyOp");
  ASSERT_EQ(m.subgraphs.size(), 2u);
  EXPECT_EQ(m.subgraphs[0].name, "branch");
  EXPECT_EQ(m.subgraphs[1].name, "sub_2"); // tflchef's name for an unnamed graph
  EXPECT_EQ(m.subgraphs[1].operators[0].code, ir::OpCode::Tanh);
  ASSERT_EQ(m.signature_defs.size(), 2u);
  EXPECT_EQ(m.signature_defs[0],
            (ir::SignatureDef{"serving_default", 0, {{"in", "ifm"}}, {{"out", "ofm"}}}));
  EXPECT_EQ(m.signature_defs[1].subgraph, 1u);

  // The same recipe in YAML (to_yaml) and again as tflchef text builds the same model.
  Recipe yaml = parse_yaml_recipe(to_yaml(recipe), "f.yaml");
  expect_same_model(m, build_model(yaml));
  EXPECT_EQ(to_yaml(yaml), to_yaml(recipe));
  expect_same_model(m, build_model(parse_tflchef_recipe(to_tflchef(yaml), "again.recipe")));
}

TEST(TflchefText, FeatureErrorsNameThePlace) {
  auto error = [](const std::string &text) {
    return input_error([&] { build_model(parse_tflchef_recipe(text, "e.recipe")); });
  };
  // Line 1: a graph a -> ReLU -> b.
  const std::string a = "operand { name: \"a\" type: FLOAT32 shape { dim: 2 } } "
                        "operand { name: \"b\" type: FLOAT32 shape { dim: 2 } } "
                        "operation { type: \"ReLU\" input: \"a\" output: \"b\" } "
                        "input: \"a\" output: \"b\"\n";
  EXPECT_NO_THROW(build_model(parse_tflchef_recipe(a, "e.recipe")));
  EXPECT_THAT(error(a + "operation { type: \"Custom\" input: \"a\" output: \"b\" }"),
              HasSubstr("e.recipe:2:1: operation type 'Custom' needs a custom_code"));
  EXPECT_THAT(error(a + "operation { type: \"ReLU\" custom_code: \"x\" }"),
              HasSubstr("e.recipe:2:26: custom_code is for operation type 'Custom', not 'ReLU'"));
  EXPECT_THAT(error("operand { name: \"a\" type: FLOAT32 shape { dim: 2 } make_sparse: true }\n"
                    "output: \"a\""),
              HasSubstr("e.recipe:1:1: operand 'a' has make_sparse but no filler"));
  EXPECT_THAT(error(a + "signature_def { signature_key: \"s\" subgraph_index: 3 }"),
              HasSubstr("e.recipe:2:1: signature 's' refers to subgraph 3, but the recipe has 1 graphs"));
  EXPECT_THAT(error(a + "signature_def { inputs { name: \"i\" tensor_index: 5 } }"),
              HasSubstr("e.recipe:2:17: tensor_index 5 is out of range (the subgraph has 2 operands)"));
  EXPECT_THAT(error(a + "signature_def { inputs { name: \"i\" } }"),
              HasSubstr("e.recipe:2:17: a signature entry needs exactly one of 'tensor' and 'tensor_index'"));
  EXPECT_THAT(error(a + "signature_def { outputs { name: \"o\" tensor: \"c\" } }"),
              HasSubstr("e.recipe:2:17: signature tensor 'c' is not a declared operand"));
  EXPECT_THAT(error("operand { name: \"a\" type: FLOAT32 shape { dim: 2 } shape_signature { dim: 3 } }\n" +
                    a.substr(a.find("operand { name: \"b\""))),
              HasSubstr("e.recipe:1:1: tensor 0 'a': shape signature [3] does not fit shape [2]"));
  // Errors inside a subgraph point into it.
  EXPECT_THAT(error(a + "graph {\n  operation { type: \"ReLU\" input: \"nope\" output: \"a\" }\n}"),
              HasSubstr("e.recipe:3:3: ReLU (op 0) input 'nope' is not a declared operand"));
}

} // namespace
} // namespace qgold::recipe
