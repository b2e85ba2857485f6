#include "recipe/recipe.h"
#include "recipe/test_util.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace qgold::recipe {
namespace {

using test_support::input_error;
using ::testing::HasSubstr;
namespace fs = std::filesystem;

const fs::path kConformance = fs::path(QGOLD_SHARED_DIR) / "conformance/one-pota/recipes";
const fs::path kExamples = fs::path(QGOLD_SOURCE_DIR) / "recipes";

// Recipe equality without source locations (they differ between formats).
void expect_same_recipe(const Recipe &a, const Recipe &b) {
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.seed, b.seed);
  ASSERT_EQ(a.operands.size(), b.operands.size());
  for (size_t i = 0; i < a.operands.size(); ++i) {
    const Operand &x = a.operands[i], &y = b.operands[i];
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.dtype, y.dtype);
    EXPECT_EQ(x.shape, y.shape);
    ASSERT_EQ(x.filler.has_value(), y.filler.has_value()) << x.name;
    if (x.filler) {
      EXPECT_EQ(x.filler->tag, y.filler->tag);
      EXPECT_EQ(x.filler->args, y.filler->args);
    }
    EXPECT_EQ(x.quant, y.quant) << x.name;
  }
  ASSERT_EQ(a.operations.size(), b.operations.size());
  for (size_t i = 0; i < a.operations.size(); ++i) {
    EXPECT_EQ(a.operations[i].code, b.operations[i].code);
    EXPECT_EQ(a.operations[i].inputs, b.operations[i].inputs);
    EXPECT_EQ(a.operations[i].outputs, b.operations[i].outputs);
    EXPECT_EQ(a.operations[i].options, b.operations[i].options);
  }
  EXPECT_EQ(a.inputs, b.inputs);
  EXPECT_EQ(a.outputs, b.outputs);
}

const ir::Tensor &tensor(const ir::Model &model, std::string_view name) {
  int32_t index = model.find_tensor(name);
  EXPECT_GE(index, 0) << name;
  return model.tensors.at(index < 0 ? 0 : index);
}

ir::Model load_conformance(const std::string &name) {
  return build_model(load_recipe(kConformance / name / "test.recipe"));
}

#define SKIP_WITHOUT_CONFORMANCE()                                                                 \
  if (!fs::exists(kConformance))                                                                   \
  GTEST_SKIP() << "no conformance data at " << kConformance

TEST(Conformance, Add002) {
  SKIP_WITHOUT_CONFORMANCE();
  ir::Model m = load_conformance("Add_002");
  ASSERT_EQ(m.tensors.size(), 3u);
  EXPECT_EQ(m.tensors[0].name, "ifm1"); // tensor order = operand order
  EXPECT_EQ(m.tensors[2].shape, (ir::Shape{1, 2, 2, 3}));
  EXPECT_EQ(tensor(m, "ifm2").values<float>(),
            (std::vector<float>{1, 2, -3, -4, -5, 6, -7, 8, 4, -2, 3, -1}));
  ASSERT_EQ(m.operators.size(), 1u);
  EXPECT_EQ(m.operators[0].code, ir::OpCode::Add);
  EXPECT_EQ(m.operators[0].inputs, (std::vector<int32_t>{0, 1}));
  EXPECT_EQ(m.inputs, std::vector<int32_t>{0});
  EXPECT_EQ(m.outputs, std::vector<int32_t>{2});
}

TEST(Conformance, Concatenation001) {
  SKIP_WITHOUT_CONFORMANCE();
  ir::Model m = load_conformance("Concatenation_001");
  EXPECT_EQ(tensor(m, "ofm").shape, (ir::Shape{1, 2, 2, 3}));
  EXPECT_EQ(tensor(m, "ifm2").values<float>(), (std::vector<float>{1, 2, -3, -4, -5, 6, -7, 8}));
  EXPECT_EQ(std::get<ir::ConcatenationOptions>(m.operators[0].options).axis, 3);
}

TEST(Conformance, Conv2D004) {
  SKIP_WITHOUT_CONFORMANCE();
  ir::Model m = load_conformance("Conv2D_004");
  EXPECT_EQ(tensor(m, "ker").values<float>(),
            (std::vector<float>{1, 2, -3, -4, -5, 6, -7, 8, 4, -2, 3, -1, -8, -6, 7, 5}));
  EXPECT_EQ(tensor(m, "bias").values<float>(), (std::vector<float>{1, 2}));
  EXPECT_EQ(tensor(m, "ofm").shape, (ir::Shape{1, 2, 2, 2}));
  const auto &opts = std::get<ir::Conv2DOptions>(m.operators[0].options);
  EXPECT_EQ(opts.stride_h, 2);
  EXPECT_EQ(opts.stride_w, 1);
  EXPECT_EQ(opts.activation, ir::Activation::Relu);
}

TEST(Conformance, FullyConnected003) {
  SKIP_WITHOUT_CONFORMANCE();
  ir::Model m = load_conformance("FullyConnected_003");
  std::vector<float> row = {1, 2, -3, -4, -5, 6, -7, 8, 4, -2, 3, -1, -8, -6, 7, 5};
  std::vector<float> weights;
  for (int i = 0; i < 4; ++i)
    weights.insert(weights.end(), row.begin(), row.end());
  EXPECT_EQ(tensor(m, "weight").shape, (ir::Shape{4, 16}));
  EXPECT_EQ(tensor(m, "weight").values<float>(), weights);
  EXPECT_EQ(tensor(m, "bias").values<float>(), (std::vector<float>{1, -2, -3, 4}));
  EXPECT_EQ(tensor(m, "out").shape, (ir::Shape{1, 4}));
}

TEST(Conformance, MaxPool2D000) {
  SKIP_WITHOUT_CONFORMANCE();
  ir::Model m = load_conformance("MaxPool2D_000");
  EXPECT_EQ(tensor(m, "ofm").shape, (ir::Shape{1, 7, 7, 1}));
  const auto &opts = std::get<ir::Pool2DOptions>(m.operators[0].options);
  EXPECT_EQ(opts.filter_width, 2);
  EXPECT_EQ(opts.filter_height, 2);
  EXPECT_FALSE(tensor(m, "ifm").is_constant());
}

TEST(Conformance, TflchefToYamlRoundTrip) {
  SKIP_WITHOUT_CONFORMANCE();
  int checked = 0;
  for (const auto &entry : fs::directory_iterator(kConformance)) {
    fs::path file = entry.path() / "test.recipe";
    if (!fs::exists(file))
      continue;
    SCOPED_TRACE(file.string());
    Recipe chef = load_recipe(file);
    std::string yaml = to_yaml(chef);
    Recipe back = parse_yaml_recipe(yaml, "round-trip.yaml");
    expect_same_recipe(chef, back);
    EXPECT_EQ(to_yaml(back), yaml); // the writer is deterministic
    ir::Model a = build_model(chef), b = build_model(back);
    ASSERT_EQ(a.tensors.size(), b.tensors.size());
    for (size_t i = 0; i < a.tensors.size(); ++i)
      EXPECT_EQ(a.tensors[i].data, b.tensors[i].data);
    ++checked;
  }
  EXPECT_EQ(checked, 5);
}

TEST(Examples, Conv2D000IsConv2D004WithTheKernelNegated) {
  ir::Model yaml = build_model(load_recipe(kExamples / "Conv2D_000.yaml"));
  EXPECT_EQ(yaml.name, "Conv2D_000");
  EXPECT_EQ(tensor(yaml, "ker").values<float>(),
            (std::vector<float>{-1, -2, 3, 4, 5, -6, 7, -8, -4, 2, -3, 1, 8, 6, -7, -5}));
  EXPECT_EQ(std::get<ir::Conv2DOptions>(yaml.operators[0].options).padding, ir::Padding::Valid);
  SKIP_WITHOUT_CONFORMANCE();
  ir::Model chef = load_conformance("Conv2D_004");
  ASSERT_EQ(yaml.tensors.size(), chef.tensors.size());
  for (size_t i = 0; i < chef.tensors.size(); ++i) {
    EXPECT_EQ(yaml.tensors[i].name, chef.tensors[i].name);
    EXPECT_EQ(yaml.tensors[i].shape, chef.tensors[i].shape);
    if (yaml.tensors[i].name != "ker") {
      EXPECT_EQ(yaml.tensors[i].data, chef.tensors[i].data);
    }
  }
  std::vector<float> negated = tensor(chef, "ker").values<float>();
  for (float &v : negated)
    v = -v;
  EXPECT_EQ(tensor(yaml, "ker").values<float>(), negated);
  EXPECT_EQ(yaml.operators[0].options, chef.operators[0].options);
}

TEST(Examples, Add000UsesASeededUniformFiller) {
  Recipe recipe = load_recipe(kExamples / "Add_000.yaml");
  EXPECT_EQ(recipe.seed, 7u);
  ir::Model a = build_model(recipe), b = build_model(recipe);
  std::vector<float> offset = tensor(a, "offset").values<float>();
  ASSERT_EQ(offset.size(), 3u);
  for (float v : offset) {
    EXPECT_GE(v, -1.0f);
    EXPECT_LT(v, 1.0f);
  }
  EXPECT_EQ(tensor(b, "offset").data, tensor(a, "offset").data);
  EXPECT_EQ(tensor(a, "ofm").shape, (ir::Shape{1, 2, 2, 3}));
  EXPECT_EQ(ir::fused_activation(a.operators[0].options), ir::Activation::Relu6);
}

TEST(Examples, InstanceNorm000) {
  ir::Model m = build_model(load_recipe(kExamples / "InstanceNorm_000.yaml"));
  EXPECT_EQ(m.operators.at(0).code, ir::OpCode::InstanceNorm);
  EXPECT_EQ(std::get<ir::InstanceNormOptions>(m.operators[0].options).epsilon, 0.001f);
  EXPECT_EQ(tensor(m, "gamma").values<float>(),
            (std::vector<float>{0.0123f, -0.3324f, 0.2324f, -3.3360f}));
  EXPECT_EQ(tensor(m, "beta").values<float>(),
            (std::vector<float>{0.7023f, -0.3092f, 0.7552f, 0.2729f}));
}

TEST(Examples, EveryExampleRoundTripsThroughYaml) {
  for (const char *name : {"Conv2D_000.yaml", "Add_000.yaml", "InstanceNorm_000.yaml"}) {
    SCOPED_TRACE(name);
    Recipe recipe = load_recipe(kExamples / name);
    expect_same_recipe(recipe, parse_yaml_recipe(to_yaml(recipe), "again.yaml"));
  }
}

TEST(Yaml, WriterQuotesWhatWouldNotReadBack) {
  Recipe r;
  r.name = "a: b";
  Operand o;
  o.name = "true";
  o.shape = {};
  o.filler = Filler{"explicit", {"0x10"}, {}};
  o.quant = ir::QuantParams{{-0.1f}, {1e-5f}, {}, {}, 0};
  r.operands.push_back(o);
  std::string yaml = to_yaml(r);
  EXPECT_THAT(yaml, HasSubstr("name: \"a: b\"\n"));
  EXPECT_THAT(yaml, HasSubstr("- name: \"true\"\n"));
  EXPECT_THAT(yaml, HasSubstr("args: [\"0x10\"]\n"));
  EXPECT_THAT(yaml, HasSubstr("min: [-0.1]\n      max: [1e-05]\n"));
  expect_same_recipe(r, parse_yaml_recipe(yaml, "q.yaml"));
}

const char *kChain = R"(operand { name: "in" type: FLOAT32 shape { dim: 1 dim: 4 } }
operand { name: "mid" type: FLOAT32 shape { dim: 1 dim: 4 } }
operand { name: "out" type: FLOAT32 shape { dim: 1 dim: 4 } }
operation { type: "ReLU" input: "in" output: "mid" }
operation { type: "Tanh" input: "mid" output: "out" }
input: "in"
output: "out"
)";

std::string build_error(const std::string &text) {
  return input_error([&] { build_model(parse_tflchef_recipe(text, "g.recipe")); });
}

TEST(BuildModel, ResolvesNamesInOperandOrder) {
  ir::Model m = build_model(parse_tflchef_recipe(kChain, "g.recipe"));
  EXPECT_EQ(m.name, "main");
  EXPECT_EQ(m.operators[1].inputs, std::vector<int32_t>{1});
  EXPECT_EQ(m.operators[1].outputs, std::vector<int32_t>{2});
}

TEST(BuildModel, DanglingNameIsReportedAtTheOperation) {
  std::string text = kChain;
  text.replace(text.find("input: \"mid\""), 12, "input: \"mdi\"");
  EXPECT_THAT(build_error(text),
              HasSubstr("g.recipe:5:1: Tanh (op 1) input 'mdi' is not a declared operand"));
  text = kChain;
  text.replace(text.find("output: \"out\"\n"), 13, "output: \"ofm\"");
  EXPECT_THAT(build_error(text), HasSubstr("g.recipe: graph output 'ofm' is not a declared operand"));
}

TEST(BuildModel, DuplicateOperandNames) {
  std::string text = kChain;
  text.replace(text.find("name: \"mid\""), 11, "name: \"in\" ");
  EXPECT_THAT(build_error(text),
              HasSubstr("g.recipe:2:1: duplicate operand name 'in' (first defined at g.recipe:1:1)"));
}

TEST(BuildModel, ModelErrorsCarryTheOperationLocation) {
  std::string text = kChain;
  text.replace(text.find("name: \"out\" type: FLOAT32 shape { dim: 1 dim: 4 }"), 49,
               "name: \"out\" type: FLOAT32 shape { dim: 1 dim: 5 }");
  EXPECT_THAT(build_error(text),
              HasSubstr("g.recipe:5:1: Tanh (op 1): output 'out' (tensor 2) is declared with shape "
                        "[1,5], but the inputs give [1,4]"));
  std::string cycle = R"(operand { name: "in" type: FLOAT32 shape { dim: 1 } }
operand { name: "mid" type: FLOAT32 shape { dim: 1 } }
operand { name: "out" type: FLOAT32 shape { dim: 1 } }
operation { type: "Tanh" input: "mid" output: "out" }
operation { type: "ReLU" input: "in" output: "mid" }
input: "in"
output: "out"
)";
  EXPECT_THAT(build_error(cycle),
              HasSubstr("g.recipe:4:1: Tanh (op 0): input 0 'mid' (tensor 1) is read before it is "
                        "produced by ReLU (op 1)"));
}

TEST(BuildModel, FillerErrorsAndTensorErrorsHaveLocations) {
  EXPECT_THAT(build_error(R"(operand { name: "k" type: UINT8 shape { dim: 2 }
  filler { tag: "explicit" arg: "1" arg: "300" } }
)"),
              HasSubstr("g.recipe:2:3: operand 'k': arg 1 '300' is out of range for UINT8"));
  // A graph input may carry filler data (tflchef allows it); the data is still checked.
  EXPECT_THAT(build_error(R"(operand { name: "k" type: FLOAT32 shape { dim: 2 }
  filler { tag: "constant" arg: "one" } }
input: "k"
)"),
              HasSubstr("g.recipe:2:3: operand 'k': arg 0 'one' is not a FLOAT32 number"));
  EXPECT_THAT(build_error(R"(operand { name: "k" type: FLOAT32 shape { dim: 65536 dim: 65536 dim: 65536 }
  filler { tag: "constant" arg: "1" } }
)"),
              HasSubstr("g.recipe:1:1: operand 'k' shape [65536,65536,65536] is too large to fill"));
}

TEST(LoadRecipe, ChoosesTheParserByExtension) {
  fs::path dir = fs::temp_directory_path() / "qgold_recipe_load_test";
  fs::create_directories(dir);
  std::ofstream(dir / "chain.recipe") << kChain;
  std::ofstream(dir / "chain.yml") << to_yaml(parse_tflchef_recipe(kChain, "x"));
  expect_same_recipe(load_recipe(dir / "chain.recipe"), load_recipe(dir / "chain.yml"));
  EXPECT_EQ(load_recipe(dir / "chain.yml").operations[0].location.to_string(),
            (dir / "chain.yml").string() + ":14:5");
  EXPECT_THAT(input_error([&] { load_recipe(dir / "missing.yaml"); }),
              HasSubstr("missing.yaml: cannot open recipe file"));
  fs::remove_all(dir);
}

} // namespace
} // namespace qgold::recipe
