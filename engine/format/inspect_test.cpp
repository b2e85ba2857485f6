#include "format/inspect.h"

#include "format/sample_models.h"

#include <gtest/gtest.h>

namespace qgold::format {
namespace {

TEST(Inspect, JsonListsTensorsAndOperators) {
  const nlohmann::json dump = inspect_json(testing::conv_model());
  ASSERT_EQ(dump["tensors"].size(), 4u);
  const auto &ker = dump["tensors"][1];
  EXPECT_EQ(ker["index"], 1);
  EXPECT_EQ(ker["name"], "ker");
  EXPECT_EQ(ker["dtype"], "FLOAT32");
  EXPECT_EQ(ker["shape"], nlohmann::json({2, 1, 1, 2}));
  EXPECT_EQ(ker["constant_bytes"], 16); // 4 floats
  EXPECT_EQ(ker["quantization"]["zero_point"], nlohmann::json({0, 0}));
  EXPECT_EQ(ker["quantization"]["max"], nlohmann::json({2.0, 4.0}));
  EXPECT_EQ(ker["quantization"]["quantized_dimension"], 0);
  EXPECT_TRUE(dump["tensors"][0]["constant_bytes"].is_null());
  EXPECT_TRUE(dump["tensors"][2]["quantization"].is_null());

  const auto &conv = dump["operators"][0];
  EXPECT_EQ(conv["op"], "Conv2D");
  EXPECT_EQ(conv["inputs"], nlohmann::json({0, 1, 2}));
  EXPECT_EQ(conv["outputs"], nlohmann::json({3}));
  EXPECT_EQ(conv["options"]["padding"], "SAME");
  EXPECT_EQ(conv["options"]["fused_activation_function"], "RELU");
  EXPECT_EQ(conv["options"]["stride_h"], 1);
  EXPECT_EQ(dump["inputs"], nlohmann::json::array({0})); // json({0}) is null with clang (0 is a null pointer)
}

TEST(Inspect, JsonNamesEveryOptionField) {
  const nlohmann::json dump = inspect_json(testing::every_op_model(true));
  for (const auto &op : dump["operators"]) {
    if (op["op"] == "Split") {
      EXPECT_EQ(op["options"], nlohmann::json({{"num_splits", 3}}));
    }
    if (op["op"] == "Reshape") {
      EXPECT_EQ(op["options"], nlohmann::json({{"new_shape", {1, -1, 6}}}));
    }
    if (op["op"] == "ReLU") {
      EXPECT_TRUE(op["options"].empty());
    }
  }
}

TEST(Inspect, Text) {
  ir::Model model;
  ir::Tensor x{"x", ir::DType::Int8, {1, 2}, std::nullopt, ir::QuantParams{{}, {}, {0.5f}, {-3}, 0}};
  ir::Tensor w{"w", ir::DType::Int16, {3}, std::nullopt, std::nullopt};
  w.set_values<int16_t>(std::vector<int16_t>{1, 2, 3});
  model.add_tensor(x);
  model.add_tensor(w);
  model.operators.push_back({ir::OpCode::Softmax, {0}, {0}, ir::SoftmaxOptions{0.1f}});
  model.operators.push_back({ir::OpCode::Relu, {0}, {0}, std::monostate{}});
  model.inputs = {0};
  model.outputs = {0};
  EXPECT_EQ(inspect_text(model), "Model 'main'\n"
                                 "inputs [0]\n"
                                 "outputs [0]\n"
                                 "Tensors (2)\n"
                                 "  T0 'x' INT8 [1,2]\n"
                                 "     quantization: scale [0.5] zero_point [-3] quantized_dimension 0\n"
                                 "  T1 'w' INT16 [3] constant 6 bytes\n"
                                 "Operators (2)\n"
                                 "  O0 Softmax inputs [0] outputs [0]\n"
                                 "     options: beta 0.1\n"
                                 "  O1 ReLU inputs [0] outputs [0]\n");
}

} // namespace
} // namespace qgold::format
