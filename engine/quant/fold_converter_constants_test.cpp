#include "quant/fold_converter_constants.h"

#include "ir/error.h"
#include "ir/sparse.h"
#include "ir/validate.h"
#include "quant/quant.h"
#include "quant/test_models.h"

#include <gtest/gtest.h>

#include <cmath>

namespace qgold::quant {
namespace {

using testing::activation;
using testing::constant;

// Conv2D_004 whose kernel is stored as FLOAT16 behind a Dequantize, whose bias
// is an int8 constant with a scale behind a Dequantize, plus a sparse
// constant behind a Densify added to the output.
ir::Model converter_model() {
  ir::Model model = testing::conv2d_004();
  const int32_t ker = model.find_tensor("ker"), bias = model.find_tensor("bias");
  // 1, 2, -3, ... are exact in half precision: sign, exponent and mantissa bits.
  std::vector<uint16_t> half;
  for (float v : model.tensors[ker].values<float>()) {
    const bool negative = v < 0;
    const float magnitude = negative ? -v : v;
    int exponent = 0;
    const float mantissa = std::frexp(magnitude, &exponent); // magnitude = mantissa * 2^exponent, mantissa in [0.5, 1)
    const auto bits = static_cast<uint16_t>((negative ? 0x8000 : 0) | ((exponent - 1 + 15) << 10) |
                                            static_cast<uint16_t>((mantissa * 2 - 1) * 1024));
    half.push_back(bits);
  }
  const int32_t ker16 = constant<uint16_t>(model, "ker_fp16", {2, 2, 2, 2}, half, ir::DType::Float16);
  const int32_t bias8 = constant<int8_t>(model, "bias_int8", {2}, {4, 8}, ir::DType::Int8);
  model.tensors[bias8].quant = ir::QuantParams{{}, {}, {0.25f}, {0}, 0};
  model.tensors[ker].data.reset();
  model.tensors[bias].data.reset();
  model.operators.insert(model.operators.begin(), {ir::OpCode::Dequantize, {ker16}, {ker}, ir::NoOptions{}});
  model.operators.insert(model.operators.begin(), {ir::OpCode::Dequantize, {bias8}, {bias}, ir::NoOptions{}});
  // ofm + dense where dense = Densify(sparse [[0, 1], [2, 0]]) broadcast over [1,2,2,2].
  ir::Tensor sparse;
  sparse.name = "offset_sparse";
  sparse.shape = {2, 2};
  const std::vector<float> dense{0, 1, 2, 0};
  std::vector<uint8_t> bytes(16);
  std::memcpy(bytes.data(), dense.data(), 16);
  const ir::SparseData stored = ir::sparsify_last_dim(sparse.shape, bytes, 4);
  sparse.sparsity = stored.sparsity;
  sparse.data = stored.values;
  const int32_t sparse_index = model.add_tensor(sparse);
  const int32_t offset = activation(model, "offset", {2, 2});
  const int32_t sum = activation(model, "sum", {1, 2, 2, 2});
  model.operators.push_back({ir::OpCode::Densify, {sparse_index}, {offset}, ir::NoOptions{}});
  model.operators.push_back({ir::OpCode::Add, {model.find_tensor("ofm"), offset}, {sum}, ir::ElementwiseOptions{}});
  model.outputs = {sum};
  return model;
}

TEST(FoldConverterConstants, FoldsHalfQuantizedAndSparseConstants) {
  ir::Model model = converter_model();
  ASSERT_NO_THROW(ir::validate_model(model));
  const std::vector<float> expected_ker = testing::conv2d_004().tensors[1].values<float>();
  EXPECT_TRUE(fold_converter_constants(model));
  ASSERT_NO_THROW(ir::validate_model(model));
  // The graph's own names stay; the stored forms are gone.
  ASSERT_EQ(model.operators.size(), 2u);
  EXPECT_EQ(model.operators[0].code, ir::OpCode::Conv2D);
  EXPECT_EQ(model.operators[1].code, ir::OpCode::Add);
  EXPECT_LT(model.find_tensor("ker_fp16"), 0);
  EXPECT_LT(model.find_tensor("bias_int8"), 0);
  EXPECT_LT(model.find_tensor("offset_sparse"), 0);
  EXPECT_EQ(model.tensors[model.find_tensor("ker")].values<float>(), expected_ker);
  EXPECT_EQ(model.tensors[model.find_tensor("bias")].values<float>(), (std::vector<float>{1, 2}));
  EXPECT_EQ(model.tensors[model.find_tensor("offset")].values<float>(), (std::vector<float>{0, 1, 2, 0}));
  EXPECT_FALSE(fold_converter_constants(model)); // nothing left to fold
}

TEST(FoldConverterConstants, EveryStepSeesTheFoldedModel) {
  ir::Model model = converter_model();
  fake_quantize(model, ir::DType::UInt8, Granularity::Channel);
  EXPECT_EQ(model.operators.size(), 2u);
  EXPECT_TRUE(model.tensors[model.find_tensor("ker")].quant); // fake-quantized as a Conv2D weight
}

TEST(FoldConverterConstants, DequantizeWithoutScaleIsAnInputError) {
  ir::Model model = converter_model();
  model.tensors[model.find_tensor("bias_int8")].quant.reset();
  EXPECT_THROW(fold_converter_constants(model), InputError);
}

} // namespace
} // namespace qgold::quant
