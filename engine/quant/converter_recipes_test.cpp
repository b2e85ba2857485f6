// Converter-made models built from recipes (engine/quant/testdata): FLOAT16
// constants behind Dequantize, sparse constants behind Densify. Through the
// whole flow (fake-quant -> record-minmax -> quantize) they give exactly what
// the same recipe with plain float32 constants gives.
#include "quant/fold_converter_constants.h"
#include "quant/quant.h"
#include "quant/test_models.h"

#include "recipe/recipe.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace qgold::quant {
namespace {

namespace fs = std::filesystem;
using testing::MemoryDataset;

const fs::path kTestdata = fs::path(QGOLD_SOURCE_DIR) / "engine/quant/testdata";

// The recipe with constant `stored` (and the op that unpacks it into
// `output`) replaced by a plain FLOAT32 constant `output` of the same values.
recipe::Recipe with_plain_constant(recipe::Recipe recipe, const std::string &stored,
                                   const std::string &output) {
  auto operand = [&](const std::string &name) {
    return std::find_if(recipe.operands.begin(), recipe.operands.end(),
                        [&](const recipe::Operand &o) { return o.name == name; });
  };
  auto source = operand(stored);
  EXPECT_NE(source, recipe.operands.end());
  operand(output)->filler = source->filler;
  recipe.operands.erase(source);
  std::erase_if(recipe.operations, [&](const recipe::Operation &op) {
    return op.outputs == std::vector<std::string>{output};
  });
  return recipe;
}

std::vector<std::vector<float>> records(size_t count, size_t size) {
  std::vector<std::vector<float>> out(count, std::vector<float>(size));
  for (size_t r = 0; r < count; ++r)
    for (size_t i = 0; i < size; ++i)
      out[r][i] = static_cast<float>((r * 7 + i * 3) % 11) / 4.0f - 1.25f;
  return out;
}

// Every tensor of `expected` is in `actual` under its name with the same
// dtype, shape, data and quantization.
void expect_same_tensors(const ir::Model &actual, const ir::Model &expected) {
  EXPECT_EQ(actual.tensors.size(), expected.tensors.size());
  EXPECT_EQ(actual.operators.size(), expected.operators.size());
  for (const ir::Tensor &want : expected.tensors) {
    SCOPED_TRACE(want.name);
    int32_t index = actual.find_tensor(want.name);
    ASSERT_GE(index, 0);
    const ir::Tensor &got = actual.tensors[index];
    EXPECT_EQ(got.dtype, want.dtype);
    EXPECT_EQ(got.shape, want.shape);
    EXPECT_EQ(got.data, want.data);
    EXPECT_EQ(got.quant, want.quant);
    EXPECT_FALSE(got.sparsity);
  }
}

struct Flow {
  ir::DType dtype;
  Granularity granularity;
};

ir::Model run_flow(ir::Model model, const Flow &flow, size_t input_size) {
  fake_quantize(model, flow.dtype, flow.granularity);
  MemoryDataset dataset(records(6, input_size));
  record_minmax(model, dataset, {});
  QuantizeOptions options;
  options.dtype = flow.dtype;
  options.granularity = flow.granularity;
  quantize_with_minmax(model, options);
  return model;
}

void check_recipe(const fs::path &file, const std::string &stored, const std::string &output,
                  ir::OpCode unpack, size_t input_size) {
  recipe::Recipe converter = recipe::load_recipe(file);
  ir::Model model = recipe::build_model(converter);
  ir::Model plain = recipe::build_model(with_plain_constant(converter, stored, output));
  ASSERT_TRUE(std::any_of(model.operators.begin(), model.operators.end(),
                          [&](const ir::Operator &op) { return op.code == unpack; }));
  // Folded, the converter model is the float32 one.
  ir::Model folded = model;
  EXPECT_TRUE(fold_converter_constants(folded));
  expect_same_tensors(folded, plain);
  EXPECT_GT(testing::tensor(plain, output).data->size(), 0u);
  for (Flow flow : {Flow{ir::DType::UInt8, Granularity::Layer},
                    Flow{ir::DType::UInt8, Granularity::Channel},
                    Flow{ir::DType::Int16, Granularity::Channel}}) {
    SCOPED_TRACE(std::string(ir::dtype_name(flow.dtype)) + " " +
                 std::string(granularity_name(flow.granularity)));
    ir::Model quantized = run_flow(model, flow, input_size);
    ir::Model expected = run_flow(plain, flow, input_size);
    expect_same_tensors(quantized, expected);
    EXPECT_EQ(testing::tensor(quantized, output).dtype, flow.dtype); // weights were quantized
  }
}

TEST(ConverterRecipes, Float16KernelBehindDequantizeQuantizesLikeFloat32) {
  check_recipe(kTestdata / "converter_float16.recipe", "ker_fp16", "ker", ir::OpCode::Dequantize,
               1 * 4 * 4 * 2);
}

TEST(ConverterRecipes, SparseWeightsBehindDensifyQuantizeLikeDenseOnes) {
  check_recipe(kTestdata / "converter_sparse.yaml", "weights_sparse", "weights",
               ir::OpCode::Densify, 2 * 6);
}

} // namespace
} // namespace qgold::quant
