// Every step refuses a model that is already quantized, naming the first
// offending tensor; int32/int64 shapes, axes and indices are float-model data.
#include "ir/error.h"
#include "quant/quant.h"
#include "quant/test_models.h"

#include <gtest/gtest.h>

#include <functional>

namespace qgold::quant {
namespace {

using testing::set_range;

std::string error_of(const std::function<void()> &step) {
  try {
    step();
  } catch (const InputError &error) {
    return error.what();
  }
  return "no error";
}

QuantizeOptions uint8_options(Granularity granularity) {
  QuantizeOptions options;
  options.granularity = granularity;
  return options;
}

ir::Model quantized_conv2d_004() {
  ir::Model model = testing::conv2d_004();
  fake_quantize(model, ir::DType::UInt8, Granularity::Channel);
  set_range(model, "ifm", 0.0f, 1.0f);
  set_range(model, "ofm", 0.0f, 15.0f);
  quantize_with_minmax(model, uint8_options(Granularity::Channel));
  return model;
}

// Every step on `model`, each on its own copy; the messages they throw.
std::vector<std::string> errors_of_every_step(const ir::Model &model) {
  std::vector<std::string> errors;
  auto run = [&](const std::function<void(ir::Model &)> &step) {
    ir::Model copy = model;
    errors.push_back(error_of([&] { step(copy); }));
  };
  run([](ir::Model &m) { fake_quantize(m, ir::DType::UInt8, Granularity::Channel); });
  run([](ir::Model &m) {
    testing::MemoryDataset records({std::vector<float>(24, 0.5f)});
    record_minmax(m, records, {});
  });
  run([](ir::Model &m) { quantize_with_minmax(m, uint8_options(Granularity::Layer)); });
  run([](ir::Model &m) { quantize_weights(m, ir::DType::Int8, Granularity::Channel); });
  return errors;
}

TEST(FloatModel, EveryStepRefusesAQuantizedModel) {
  for (const std::string &error : errors_of_every_step(quantized_conv2d_004()))
    EXPECT_EQ(error, "tensor 'ifm' is already quantized (UINT8); expected a float32 model");
}

TEST(FloatModel, EveryStepRefusesWeightsOnlyQuantizedWeights) {
  ir::Model model = testing::conv2d_004();
  quantize_weights(model, ir::DType::Int8, Granularity::Channel);
  for (const std::string &error : errors_of_every_step(model))
    EXPECT_EQ(error, "tensor 'ker' is already quantized (INT8); expected a float32 model");
}

TEST(FloatModel, QuantizedBiasAloneIsEnough) {
  ir::Model model = testing::conv2d_004();
  ir::Tensor &bias = model.tensors[model.find_tensor("bias")];
  bias.dtype = ir::DType::Int32;
  bias.quant = ir::QuantParams{};
  bias.quant->scale = {0.5f, 0.5f};
  bias.quant->zero_point = {0, 0};
  EXPECT_EQ(error_of([&] { check_float_model(model, "m.circle"); }),
            "m.circle: tensor 'bias' is already quantized (INT32); expected a float32 model");
}

TEST(FloatModel, UnscaledIntegerOrHalfTensorIsNamed) {
  for (ir::DType dtype : {ir::DType::UInt8, ir::DType::Int16, ir::DType::Float16}) {
    ir::Model model = testing::conv2d_004();
    model.tensors[model.find_tensor("ofm")].dtype = dtype;
    EXPECT_EQ(error_of([&] { check_float_model(model); }),
              "tensor 'ofm' is " + std::string(ir::dtype_name(dtype)) +
                  " (besides float32 only int32/int64/bool shapes, axes, indices and conditions); expected a "
                  "float32 model");
  }
}

// Reshape's int32 shape constant, and an int64 index tensor (no op of qgold's
// reads one), go through the whole flow.
TEST(FloatModel, IntegerShapesAndIndicesPassEveryStep) {
  ir::Model model;
  const int32_t in = testing::activation(model, "in", {1, 2, 2});
  const int32_t shape = testing::constant<int32_t>(model, "shape", {2}, {2, 2}, ir::DType::Int32);
  testing::constant<int64_t>(model, "indices", {2}, {0, 1}, ir::DType::Int64);
  const int32_t out = testing::activation(model, "out", {2, 2});
  model.operators.push_back({ir::OpCode::Reshape, {in, shape}, {out}, ir::ReshapeOptions{{2, 2}}});
  model.inputs = {in};
  model.outputs = {out};
  fake_quantize(model, ir::DType::UInt8, Granularity::Layer);
  testing::MemoryDataset records({{-1.0f, 0.0f, 1.0f, 2.0f}});
  record_minmax(model, records, {});
  quantize_with_minmax(model, uint8_options(Granularity::Layer));
  EXPECT_EQ(testing::tensor(model, "out").dtype, ir::DType::UInt8);
  EXPECT_EQ(testing::tensor(model, "shape").dtype, ir::DType::Int32);
}

} // namespace
} // namespace qgold::quant
