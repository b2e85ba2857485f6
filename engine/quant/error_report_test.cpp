// The error report's per-tensor statistics on hand-computed buffers, and the
// report of small models whose codes are worked out by hand.

#include "quant/error_report.h"

#include "ir/error.h"
#include "quant/test_models.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace qgold::quant {
namespace {

using testing::activation;
using testing::MemoryDataset;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

TEST(ErrorStats, HandComputedValues) {
  // errors 0, -0.5, -0.5, 0: Σf² = 9, Σe² = 0.5, Σfq = 9, Σq² = 9.5.
  const std::vector<float> f = {1, -2, 2, 0}, q = {1, -1.5f, 2.5f, 0};
  const ErrorStats stats = error_stats(f, q, Steps{{0.25f}});
  EXPECT_EQ(stats.elements, 4);
  EXPECT_EQ(stats.nonfinite, 0);
  EXPECT_DOUBLE_EQ(stats.sqnr_db, 10 * std::log10(18.0)); // 12.5527 dB
  EXPECT_DOUBLE_EQ(stats.mse, 0.125);
  EXPECT_DOUBLE_EQ(stats.max_abs_error, 0.5);
  ASSERT_TRUE(stats.max_steps);
  EXPECT_DOUBLE_EQ(*stats.max_steps, 2.0);
  EXPECT_DOUBLE_EQ(stats.cosine, 9 / std::sqrt(9 * 9.5)); // 0.973329
}

TEST(ErrorStats, StepsUsePerChannelScalesAlongTheAxis) {
  // Shape [2, 2]; errors 0.5, 0.25 in row 0, none in row 1.
  const std::vector<float> f = {1, 1, 1, 1}, q = {1.5f, 1.25f, 1, 1};
  // Axis 1: column 0 has scale 0.5 (0.5 → 1 step), column 1 0.125 (0.25 → 2 steps).
  EXPECT_DOUBLE_EQ(*error_stats(f, q, Steps{{0.5f, 0.125f}, 1, {2, 2}}).max_steps, 2.0);
  // Axis 0: row 0 has scale 0.5 (0.5 → 1 step, 0.25 → 0.5 steps), row 1 no error.
  EXPECT_DOUBLE_EQ(*error_stats(f, q, Steps{{0.5f, 0.125f}, 0, {2, 2}}).max_steps, 1.0);
  // Scales that do not match the axis are a programming error.
  EXPECT_THROW(error_stats(f, q, Steps{{0.5f, 0.125f, 1.0f}, 1, {2, 2}}), std::invalid_argument);
}

TEST(ErrorStats, EqualBuffersHaveInfiniteSqnr) {
  const std::vector<float> f = {3, -4}, q = {3, -4};
  const ErrorStats stats = error_stats(f, q, Steps{{0.1f}});
  EXPECT_EQ(stats.sqnr_db, kInf);
  EXPECT_EQ(stats.mse, 0.0);
  EXPECT_EQ(*stats.max_steps, 0.0);
  EXPECT_DOUBLE_EQ(stats.cosine, 1.0);
}

TEST(ErrorStats, AllZeroSignal) {
  const std::vector<float> zeros = {0, 0, 0};
  // Both all zero: no error at all.
  const ErrorStats same = error_stats(zeros, zeros, Steps{});
  EXPECT_EQ(same.sqnr_db, kInf);
  EXPECT_EQ(same.cosine, 1.0);
  EXPECT_FALSE(same.max_steps); // no scales, no steps
  // A zero reference and any error: all noise.
  const std::vector<float> q = {0, 0.5f, 0};
  const ErrorStats noise = error_stats(zeros, q, Steps{{0.5f}});
  EXPECT_EQ(noise.sqnr_db, -kInf);
  EXPECT_EQ(noise.cosine, 0.0);
  EXPECT_DOUBLE_EQ(noise.mse, 0.25 / 3);
  EXPECT_DOUBLE_EQ(*noise.max_steps, 1.0);
  // A quantized side of zeros against a signal: cosine 0, SQNR 0 dB (noise = signal).
  const std::vector<float> f = {0, 2, 0};
  const ErrorStats lost = error_stats(f, zeros, Steps{{0.5f}});
  EXPECT_DOUBLE_EQ(lost.sqnr_db, 0.0);
  EXPECT_EQ(lost.cosine, 0.0);
}

TEST(ErrorStats, OppositeSignsAndZeroScale) {
  const std::vector<float> f = {1, 2}, q = {-1, -2};
  const ErrorStats stats = error_stats(f, q, Steps{{0.0f}});
  EXPECT_DOUBLE_EQ(stats.cosine, -1.0);
  EXPECT_DOUBLE_EQ(stats.sqnr_db, 10 * std::log10(5.0 / 20.0));
  EXPECT_EQ(*stats.max_steps, kInf); // an error with a zero step
}

TEST(ErrorStats, NonFiniteReferenceValuesAreCountedNotCompared) {
  const std::vector<float> f = {kNaN, 1, std::numeric_limits<float>::infinity()}, q = {0, 1, 5};
  const ErrorStats stats = error_stats(f, q, Steps{{1.0f}});
  EXPECT_EQ(stats.elements, 1);
  EXPECT_EQ(stats.nonfinite, 2);
  EXPECT_EQ(stats.sqnr_db, kInf);
  EXPECT_EQ(*stats.max_steps, 0.0);
}

TEST(ErrorStats, SizesMustMatch) {
  const std::vector<float> f = {1, 2}, q = {1};
  EXPECT_THROW(error_sums(f, q, Steps{}), std::invalid_argument);
}

TEST(ErrorStats, SumsAddRecordAfterRecord) {
  const std::vector<float> f1 = {1, -2}, q1 = {1, -1.5f}, f2 = {2, 0}, q2 = {2.5f, 0};
  ErrorSums sums = error_sums(f1, q1, Steps{{0.25f}});
  sums.add(error_sums(f2, q2, Steps{{0.25f}}));
  // The four elements of HandComputedValues in two records.
  EXPECT_EQ(sums.elements, 4);
  EXPECT_DOUBLE_EQ(sums.signal, 9);
  EXPECT_DOUBLE_EQ(sums.noise, 0.5);
  EXPECT_DOUBLE_EQ(sums.cross, 9);
  EXPECT_DOUBLE_EQ(sums.quantized, 9.5);
  EXPECT_DOUBLE_EQ(*sums.max_steps, 2.0);
  EXPECT_DOUBLE_EQ(error_stats(sums).sqnr_db, 10 * std::log10(18.0));
}

TEST(ErrorStats, StepsOfATensor) {
  ir::Tensor tensor;
  tensor.shape = {1, 3};
  EXPECT_TRUE(steps_of(tensor).scales.empty());
  tensor.quant = ir::QuantParams{};
  tensor.quant->scale = {0.5f, 0.25f, 1.0f};
  tensor.quant->zero_point = {0, 0, 0};
  tensor.quant->quantized_dimension = 1;
  const Steps steps = steps_of(tensor);
  EXPECT_EQ(steps.scales, tensor.quant->scale);
  EXPECT_EQ(steps.axis, 1);
  EXPECT_EQ(steps.shape, tensor.shape);
}

// ifm [1, 4] -> ReLU -> ofm, float.
ir::Model float_relu() {
  ir::Model model;
  const int32_t ifm = activation(model, "ifm", {1, 4});
  const int32_t ofm = activation(model, "ofm", {1, 4});
  model.operators.push_back({ir::OpCode::Relu, {ifm}, {ofm}, ir::default_options(ir::OpCode::Relu)});
  model.inputs = {ifm};
  model.outputs = {ofm};
  return model;
}

ir::QuantParams uint8_params(float scale, int64_t zero_point) {
  ir::QuantParams params;
  params.scale = {scale};
  params.zero_point = {zero_point};
  return params;
}

// The same graph on uint8 codes, scale 0.5, zero point 128 throughout.
ir::Model quantized_relu() {
  ir::Model model = float_relu();
  for (ir::Tensor &tensor : model.tensors) {
    tensor.dtype = ir::DType::UInt8;
    tensor.quant = uint8_params(0.5f, 128);
  }
  return model;
}

// Record 0 quantizes to codes 128, 126, 131, 132: the values 0, -1, 1.5, 2 (errors 0.125,
// -0.125, -0.125, 0); ReLU of the codes gives 0, 0, 1.5, 2. Record 1 is exact.
std::vector<std::vector<float>> relu_records() {
  return {{0.125f, -1.125f, 1.375f, 2}, {2, 2, 2, 2}};
}

TEST(ErrorReport, ComparesEveryActivationInGraphOrder) {
  MemoryDataset records(relu_records());
  const ErrorReport report = error_report(float_relu(), quantized_relu(), records);
  EXPECT_EQ(report.records, 2u);
  EXPECT_TRUE(report.skipped.empty());
  ASSERT_EQ(report.tensors.size(), 2u);
  const TensorError &ifm = report.tensors[0], &ofm = report.tensors[1];
  EXPECT_EQ(ifm.name, "ifm");
  EXPECT_EQ(ifm.dtype, ir::DType::UInt8);
  EXPECT_EQ(ifm.scales, 1u);
  EXPECT_EQ(ifm.stats.elements, 8);
  // ifm: Σf² = 0.015625 + 1.265625 + 1.890625 + 4 + 16, Σe² = 3 · 0.015625.
  EXPECT_DOUBLE_EQ(ifm.stats.sqnr_db, 10 * std::log10((7.171875 + 16) / 0.046875));
  EXPECT_DOUBLE_EQ(ifm.stats.mse, 0.046875 / 8);
  EXPECT_DOUBLE_EQ(*ifm.stats.max_steps, 0.25);
  // ofm: Σf² = 0.015625 + 1.890625 + 4 + 16, Σe² = 2 · 0.015625; Σfq = 1.375·1.5 + 4 + 16,
  // Σq² = 2.25 + 4 + 16.
  EXPECT_EQ(ofm.name, "ofm");
  EXPECT_FALSE(ifm.graph_output);
  EXPECT_TRUE(ofm.graph_output);
  EXPECT_DOUBLE_EQ(ofm.stats.sqnr_db, 10 * std::log10((5.90625 + 16) / 0.03125));
  EXPECT_DOUBLE_EQ(ofm.stats.mse, 0.03125 / 8);
  EXPECT_DOUBLE_EQ(ofm.stats.max_abs_error, 0.125);
  EXPECT_DOUBLE_EQ(ofm.stats.cosine, (2.0625 + 20) / std::sqrt(21.90625 * 22.25));
}

TEST(ErrorReport, SkipsWhatQuantizationAddedAndComparesFloatTensors) {
  // A float input quantized by a Quantize op, as --input-type float leaves it.
  ir::Model q = float_relu();
  const int32_t ifm = q.find_tensor("ifm"), ofm = q.find_tensor("ofm");
  const int32_t codes = activation(q, "ifm_Quantize", {1, 4});
  q.tensors[static_cast<size_t>(codes)].dtype = ir::DType::UInt8;
  q.tensors[static_cast<size_t>(codes)].quant = uint8_params(0.5f, 128);
  q.tensors[static_cast<size_t>(ofm)].dtype = ir::DType::UInt8;
  q.tensors[static_cast<size_t>(ofm)].quant = uint8_params(0.5f, 128);
  q.operators = {{ir::OpCode::Quantize, {ifm}, {codes}, ir::default_options(ir::OpCode::Quantize)},
                 {ir::OpCode::Relu, {codes}, {ofm}, ir::default_options(ir::OpCode::Relu)}};
  MemoryDataset records(relu_records());
  const ErrorReport report = error_report(float_relu(), q, records);
  ASSERT_EQ(report.tensors.size(), 2u);
  EXPECT_EQ(report.tensors[0].dtype, ir::DType::Float32);
  EXPECT_EQ(report.tensors[0].scales, 0u);
  EXPECT_EQ(report.tensors[0].stats.sqnr_db, kInf); // the same floats on both sides
  EXPECT_FALSE(report.tensors[0].stats.max_steps);
  EXPECT_DOUBLE_EQ(report.tensors[1].stats.sqnr_db, 10 * std::log10((5.90625 + 16) / 0.03125));
  ASSERT_EQ(report.skipped.size(), 1u);
  EXPECT_EQ(report.skipped[0].name, "ifm_Quantize");
  EXPECT_EQ(report.skipped[0].reason, "only in quantized model (the output of Quantize)");
}

template <typename F> std::string input_error(F &&f) {
  try {
    f();
  } catch (const InputError &error) {
    return error.what();
  }
  return "no InputError";
}

TEST(ErrorReport, RefusesBadInput) {
  const ErrorReportSources files{"f.circle", "q.circle", "data.h5"};
  auto report_of = [&](const ir::Model &f, const ir::Model &q,
                       std::vector<std::vector<float>> values) {
    return input_error([&] {
      MemoryDataset records(std::move(values));
      error_report(f, q, records, files);
    });
  };
  // Swapped models, or the float model twice.
  EXPECT_EQ(report_of(quantized_relu(), float_relu(), relu_records()),
            "f.circle: tensor 'ifm' is already quantized (UINT8); expected a float32 model");
  EXPECT_EQ(report_of(float_relu(), float_relu(), relu_records()),
            "q.circle: no activation is quantized (an integer tensor with a scale); expected the "
            "quantized model of f.circle");
  // Models of different graphs.
  ir::Model other = quantized_relu();
  other.tensors[0].name = "x";
  EXPECT_EQ(report_of(float_relu(), other, relu_records()),
            "input 0: 'ifm' [1,4] in f.circle, 'x' [1,4] in q.circle; expected the same name and "
            "shape");
  ir::Model wider = quantized_relu();
  wider.tensors[1].shape = {1, 5};
  EXPECT_EQ(report_of(float_relu(), wider, relu_records()),
            "tensor 'ofm': [1,4] in f.circle, [1,5] in q.circle; expected the same shape");
  // NaN in the data, an empty dataset.
  EXPECT_EQ(report_of(float_relu(), quantized_relu(), {{2, 2, 2, 2}, {1, kNaN, 0, 0}}),
            "data.h5: record 'record 1', input 0 ('ifm'), index 1: nan; expected a finite value");
  EXPECT_EQ(report_of(float_relu(), quantized_relu(), {}),
            "data.h5: no records; expected at least one");
}

TEST(ErrorReport, AnOpTheIntegerInterpreterRefusesNamesTheModel) {
  ir::Model f;
  const int32_t ifm = activation(f, "ifm", {1, 4});
  const int32_t divisor = testing::constant(f, "d", {1, 4}, std::vector<float>{1, 2, 3, 4});
  const int32_t ofm = activation(f, "ofm", {1, 4});
  f.operators.push_back({ir::OpCode::Div, {ifm, divisor}, {ofm}, ir::default_options(ir::OpCode::Div)});
  f.inputs = {ifm};
  f.outputs = {ofm};
  ir::Model q = f;
  for (ir::Tensor &tensor : q.tensors) {
    tensor.dtype = ir::DType::UInt8;
    tensor.quant = uint8_params(0.5f, 0);
  }
  // A uint8 Div given an int16 divisor without a Quantize between: refused.
  q.tensors[static_cast<size_t>(divisor)].dtype = ir::DType::Int16;
  q.tensors[static_cast<size_t>(divisor)].set_values<int16_t>(std::vector<int16_t>{2, 4, 6, 8});
  MemoryDataset records(relu_records());
  try {
    error_report(f, q, records, {"f.circle", "q.circle", "d.h5"});
    FAIL() << "no error";
  } catch (const UnsupportedError &error) {
    EXPECT_EQ(std::string(error.what()).rfind("q.circle: operator #0 (Div)", 0), 0u) << error.what();
  }
}

} // namespace
} // namespace qgold::quant
