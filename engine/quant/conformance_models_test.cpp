// ONE's conformance recipes end to end through the engine: each builds, goes
// through Circle and TFLite files and back unchanged, and computes, on its
// first calibration record, what the op's definition gives (computed here by
// direct loops, independent of the interpreter's kernels).

#include "data/dataset.h"
#include "format/model_file.h"
#include "interp/interpreter.h"
#include "recipe/recipe.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <functional>
#include <gtest/gtest.h>

namespace qgold {
namespace {

const std::filesystem::path kSuite = QGOLD_SHARED_DIR "/conformance/one-pota";

struct LoadedCase {
  ir::Model model;
  std::vector<float> input; // first record, first input
};

LoadedCase load(const std::string &recipe, const std::string &inputs) {
  LoadedCase loaded;
  loaded.model = recipe::build_model(recipe::load_recipe(kSuite / "recipes" / recipe / "test.recipe"));
  auto dataset = data::open_dataset(kSuite / "test_inputs" / inputs, data::input_specs(loaded.model));
  data::Record record;
  EXPECT_TRUE(dataset->next(record));
  loaded.input.resize(record.inputs.at(0).size() / sizeof(float));
  std::memcpy(loaded.input.data(), record.inputs[0].data(), record.inputs[0].size());
  return loaded;
}

// The model survives a Circle and a TFLite round trip with every tensor intact.
void expect_round_trips(const ir::Model &model) {
  for (auto format : {format::FileFormat::Circle, format::FileFormat::TFLite}) {
    const ir::Model back = format::deserialize(format::serialize(model, format), "round trip");
    ASSERT_EQ(back.tensors.size(), model.tensors.size());
    for (size_t i = 0; i < model.tensors.size(); ++i) {
      EXPECT_EQ(back.tensors[i].name, model.tensors[i].name);
      EXPECT_EQ(back.tensors[i].shape, model.tensors[i].shape);
      EXPECT_EQ(back.tensors[i].data, model.tensors[i].data);
    }
    ASSERT_EQ(back.operators.size(), model.operators.size());
    EXPECT_EQ(back.operators[0].code, model.operators[0].code);
    EXPECT_EQ(back.operators[0].options, model.operators[0].options);
    EXPECT_EQ(back.inputs, model.inputs);
    EXPECT_EQ(back.outputs, model.outputs);
  }
}

std::vector<float> run(const LoadedCase &loaded) {
  interp::Interpreter interpreter(loaded.model);
  interpreter.set_input(0, loaded.input);
  interpreter.run();
  const auto out = interpreter.output(0);
  return {out.begin(), out.end()};
}

std::vector<float> constant(const ir::Model &model, const std::string &name) {
  return model.tensors[model.find_tensor(name)].values<float>();
}

void expect_all_near(const std::vector<float> &got, const std::vector<float> &want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i)
    EXPECT_NEAR(got[i], want[i], 1e-5f * std::max(1.0f, std::abs(want[i]))) << "element " << i;
}

#define SKIP_WITHOUT_SUITE()                                                                                           \
  if (!std::filesystem::exists(kSuite))                                                                                \
  GTEST_SKIP() << kSuite << " is absent"

TEST(ConformanceModels, Conv2D004) {
  SKIP_WITHOUT_SUITE();
  const LoadedCase c = load("Conv2D_004", "Conv2D_004/channel/uint8");
  expect_round_trips(c.model);
  const auto ker = constant(c.model, "ker"), bias = constant(c.model, "bias");
  // ifm [1,4,3,2], ker OHWI [2,2,2,2], VALID, stride_h 2, stride_w 1, RELU -> [1,2,2,2]
  std::vector<float> want;
  for (int oh = 0; oh < 2; ++oh)
    for (int ow = 0; ow < 2; ++ow)
      for (int o = 0; o < 2; ++o) {
        float sum = 0.0f;
        for (int kh = 0; kh < 2; ++kh)
          for (int kw = 0; kw < 2; ++kw)
            for (int i = 0; i < 2; ++i)
              sum += c.input[((oh * 2 + kh) * 3 + (ow + kw)) * 2 + i] * ker[((o * 2 + kh) * 2 + kw) * 2 + i];
        want.push_back(std::max(0.0f, sum + bias[o]));
      }
  expect_all_near(run(c), want);
}

TEST(ConformanceModels, FullyConnected003) {
  SKIP_WITHOUT_SUITE();
  const LoadedCase c = load("FullyConnected_003", "FullyConnected_003/channel/uint8");
  expect_round_trips(c.model);
  const auto weight = constant(c.model, "weight"), bias = constant(c.model, "bias");
  std::vector<float> want(4);
  for (int o = 0; o < 4; ++o) {
    want[o] = bias[o];
    for (int i = 0; i < 16; ++i)
      want[o] += c.input[i] * weight[o * 16 + i];
  }
  expect_all_near(run(c), want);
}

TEST(ConformanceModels, Add002) {
  SKIP_WITHOUT_SUITE();
  const LoadedCase c = load("Add_002", "Add_002/layer/uint8");
  expect_round_trips(c.model);
  const auto ifm2 = constant(c.model, "ifm2");
  std::vector<float> want(12);
  for (int i = 0; i < 12; ++i)
    want[i] = c.input[i] + ifm2[i];
  expect_all_near(run(c), want);
}

TEST(ConformanceModels, Concatenation001) {
  SKIP_WITHOUT_SUITE();
  const LoadedCase c = load("Concatenation_001", "Concatenation_001/channel/int16");
  expect_round_trips(c.model);
  const auto ifm2 = constant(c.model, "ifm2");
  std::vector<float> want;
  for (int p = 0; p < 4; ++p) { // 2x2 positions, channels: ifm1 (1) then ifm2 (2)
    want.push_back(c.input[p]);
    want.push_back(ifm2[p * 2]);
    want.push_back(ifm2[p * 2 + 1]);
  }
  expect_all_near(run(c), want);
}

TEST(ConformanceModels, MaxPool2D000) {
  SKIP_WITHOUT_SUITE();
  const LoadedCase c = load("MaxPool2D_000", "MaxPool2D_000/layer/uint8");
  expect_round_trips(c.model);
  std::vector<float> want;
  for (int y = 0; y < 7; ++y)
    for (int x = 0; x < 7; ++x)
      want.push_back(std::max({c.input[y * 8 + x], c.input[y * 8 + x + 1], c.input[(y + 1) * 8 + x],
                               c.input[(y + 1) * 8 + x + 1]}));
  expect_all_near(run(c), want);
}

} // namespace
} // namespace qgold
