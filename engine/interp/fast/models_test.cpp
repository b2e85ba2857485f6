// The bundled benchmark networks (recipes/models, written by
// scripts/gen_models.py): their size and cost are checked against numbers
// derived from the published architectures, not from the generator.

#include "interp/fast/program.h"
#include "interp/interpreter.h"
#include "recipe/recipe.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

namespace qgold::interp::fast {
namespace {

struct Cost {
  int64_t parameters = 0; // float constants: weights and biases
  int64_t macs = 0;       // multiply-adds of Conv2D, DepthwiseConv2D, FullyConnected
  std::map<ir::OpCode, int> ops;
};

// Counts from the parsed recipe alone (no weights are generated).
Cost cost_of(const recipe::Recipe &r) {
  std::map<std::string, const recipe::Operand *> operands;
  Cost cost;
  for (const recipe::Operand &operand : r.operands) {
    operands[operand.name] = &operand;
    if (operand.filler && operand.dtype == ir::DType::Float32)
      cost.parameters += ir::num_elements(operand.shape);
  }
  for (const recipe::Operation &op : r.operations) {
    ++cost.ops[op.code];
    if (op.code != ir::OpCode::Conv2D && op.code != ir::OpCode::DepthwiseConv2D &&
        op.code != ir::OpCode::FullyConnected)
      continue;
    const ir::Shape &out = operands.at(op.outputs.at(0))->shape;
    const ir::Shape &weights = operands.at(op.inputs.at(1))->shape;
    if (op.code == ir::OpCode::Conv2D) // out pixels * O * KH * KW * I
      cost.macs += ir::num_elements(out) * weights[1] * weights[2] * weights[3];
    else if (op.code == ir::OpCode::DepthwiseConv2D) // out pixels * C * KH * KW
      cost.macs += ir::num_elements(out) * weights[1] * weights[2];
    else if (op.code == ir::OpCode::FullyConnected)
      cost.macs += weights[0] * weights[1];
  }
  return cost;
}

recipe::Recipe load(const char *name) {
  const std::filesystem::path path =
      std::filesystem::path(QGOLD_SOURCE_DIR) / "recipes/models" / name;
  return recipe::load_recipe(path);
}

TEST(BundledModels, MobileNetV2HasThePublishedSizeWithBatchNormFolded) {
  const Cost cost = cost_of(load("mobilenet_v2.yaml"));
  // Keras' MobileNetV2 (alpha 1.0, 224, 1000 classes) has 3,538,984 parameters,
  // 4 per batch-norm channel over 17,056 channels; folding keeps 1 of them (the
  // conv bias): 3,538,984 - 3 * 17,056 = 3,487,816.
  EXPECT_EQ(cost.parameters, 3'487'816);
  // 300.8 M multiply-adds (the paper's "300M"), the classifier's 1.28 M included.
  EXPECT_EQ(cost.macs, 300'774'272);
  // 1 stem + 17 blocks (a projection each, an expansion in all but the first) + 1 head conv.
  EXPECT_EQ(cost.ops.at(ir::OpCode::Conv2D), 1 + 17 + 16 + 1);
  EXPECT_EQ(cost.ops.at(ir::OpCode::DepthwiseConv2D), 17);
  EXPECT_EQ(cost.ops.at(ir::OpCode::Add), 10); // stride-1 blocks whose width does not change
}

TEST(BundledModels, ResNet50HasThePublishedSizeWithBatchNormFolded) {
  const recipe::Recipe r = load("resnet50.yaml");
  const Cost cost = cost_of(r);
  // torchvision's resnet50 has 25,557,032 parameters, 2 per batch-norm channel
  // over 26,560 channels; folding keeps 1 (the conv bias): 25,530,472.
  EXPECT_EQ(cost.parameters, 25'530'472);
  // v1.5 (stride on the 3x3 conv): 4.09 G multiply-adds.
  EXPECT_EQ(cost.macs, 4'089'184'256);
  EXPECT_EQ(cost.ops.at(ir::OpCode::Conv2D), 1 + 16 * 3 + 4); // stem, bottlenecks, projections
  EXPECT_EQ(cost.ops.at(ir::OpCode::Add), 16);
  EXPECT_EQ(cost.ops.at(ir::OpCode::MaxPool2D), 1);
}

TEST(BundledModels, MobileNetV3LargeHasThePublishedSizeWithBatchNormFolded) {
  const Cost cost = cost_of(load("mobilenet_v3_large.yaml"));
  // torchvision's mobilenet_v3_large has 5,483,032 parameters, 2 per
  // batch-norm channel over the 12,200 output channels of Table 1's
  // batch-normed convolutions; folding keeps 1 (the conv bias): 5,470,832,
  // plus the 3 and 1/6 of each of the 8 hard sigmoids written as ops.
  EXPECT_EQ(cost.parameters, 5'470'832 + 2 * 8);
  // Convolutions, squeeze-excite and classifier layers: 216.6 M multiply-adds
  // (the paper's Table 3 gives 219 M).
  EXPECT_EQ(cost.macs, 216'589'760);
  // Stem, 14 expansions (not the first block), 15 projections, 8 x 2
  // squeeze-excite convolutions, head.
  EXPECT_EQ(cost.ops.at(ir::OpCode::Conv2D), 1 + 14 + 15 + 16 + 1);
  EXPECT_EQ(cost.ops.at(ir::OpCode::DepthwiseConv2D), 15);
  EXPECT_EQ(cost.ops.at(ir::OpCode::FullyConnected), 2);
  EXPECT_EQ(cost.ops.at(ir::OpCode::Mean), 8 + 1);
  // After the stem, the expansion and depthwise convs of the 9 "HS" blocks,
  // the head conv and the 1280-wide layer.
  EXPECT_EQ(cost.ops.at(ir::OpCode::HardSwish), 1 + 9 * 2 + 1 + 1);
  EXPECT_EQ(cost.ops.at(ir::OpCode::Add), 8 + 10); // hard sigmoids, residuals
}

TEST(BundledModels, TakeOneImageAndCarryNoGoldenTests) {
  for (const char *name : {"mobilenet_v2.yaml", "resnet50.yaml", "mobilenet_v3_large.yaml"}) {
    const recipe::Recipe r = load(name);
    // Benchmark networks only: a `tests:` key would put them in the golden suite.
    std::ifstream file(std::filesystem::path(QGOLD_SOURCE_DIR) / "recipes/models" / name);
    const std::string text((std::istreambuf_iterator<char>(file)),
                           std::istreambuf_iterator<char>());
    EXPECT_EQ(text.find("\ntests:"), std::string::npos) << name;
    EXPECT_EQ(r.inputs, std::vector<std::string>{"input"}) << name;
    EXPECT_EQ(r.operands.front().shape, (ir::Shape{1, 224, 224, 3})) << name;
  }
}

// Copies every observed tensor.
class Recorder : public TensorObserver {
public:
  void observe(int32_t tensor_index, std::span<const float> values) override {
    seen[tensor_index].assign(values.begin(), values.end());
  }
  std::map<int32_t, std::vector<float>> seen;
};

// The whole network on both backends: every activation agrees.
void expect_backend_matches_reference(const char *name, size_t min_optimized) {
  SCOPED_TRACE(name);
  const ir::Model model = recipe::build_model(load(name));
  std::vector<float> image(224 * 224 * 3);
  for (size_t i = 0; i < image.size(); ++i)
    image[i] = static_cast<float>(i % 251) / 250.0f;
  Interpreter reference(model);
  reference.set_input(0, image);
  Recorder expected, got;
  reference.run(&expected);
  const Program program(model);
  Runner runner(program);
  runner.set_input(0, image);
  runner.run(&got);
  EXPECT_GT(program.optimized_operator_count(), min_optimized);
  ASSERT_EQ(got.seen.size(), expected.seen.size());
  for (const auto &[tensor, values] : expected.seen) {
    float scale = 1.0f;
    for (float v : values)
      scale = std::max(scale, std::abs(v));
    const std::vector<float> &actual = got.seen[tensor];
    ASSERT_EQ(actual.size(), values.size());
    size_t mismatches = 0;
    for (size_t i = 0; i < values.size(); ++i)
      mismatches += !(std::abs(actual[i] - values[i]) <= 1e-4f * scale);
    EXPECT_EQ(mismatches, 0u) << model.tensors[static_cast<size_t>(tensor)].name;
  }
}

TEST(BundledModels, MobileNetV2OnTheBackendMatchesTheReference) {
  expect_backend_matches_reference("mobilenet_v2.yaml", 60);
}

TEST(BundledModels, MobileNetV3LargeOnTheBackendMatchesTheReference) {
  // All 119 ops but the 9 Means and the Softmax run optimized.
  expect_backend_matches_reference("mobilenet_v3_large.yaml", 118);
}

} // namespace
} // namespace qgold::interp::fast
