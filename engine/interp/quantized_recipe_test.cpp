// Already-quantized models written as recipes, in the style of ONE's *_U8_* tflchef recipes
// (uint8 operands with their quantization, int32 bias): they build and run on the integer
// interpreter. Values here are qgold's own; the expected codes are worked out by hand.

#include "interp/interpreter.h"
#include "recipe/recipe.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp {
namespace {

constexpr const char *kConvU8 = R"(
operand {
  name: "ifm" type: UINT8 shape { dim: 1 dim: 2 dim: 2 dim: 1 }
  quant { scale: 0.5 zero_point: 128 }
}
operand {
  name: "ker" type: UINT8 shape { dim: 2 dim: 1 dim: 1 dim: 1 }
  filler { tag: "explicit" arg: "132" arg: "120" }
  quant { scale: 0.25 zero_point: 128 }
}
operand {
  name: "bias" type: INT32 shape { dim: 2 }
  filler { tag: "explicit" arg: "8" arg: "-8" }
  quant { scale: 0.125 zero_point: 0 }
}
operand {
  name: "ofm" type: UINT8 shape { dim: 1 dim: 2 dim: 2 dim: 2 }
  quant { scale: 1.0 zero_point: 10 }
}
operation {
  type: "Conv2D"
  conv2d_options { padding: VALID stride_w: 1 stride_h: 1 activation: RELU }
  input: "ifm" input: "ker" input: "bias" output: "ofm"
}
input: "ifm"
output: "ofm"
)";

TEST(QuantizedRecipes, UintEightConvolutionLikeOnesU8Recipes) {
  const ir::Model model = recipe::build_model(recipe::parse_tflchef_recipe(kConvU8, "conv_u8.recipe"));
  Interpreter interpreter(model, Kernels::FloatAndInteger);
  // ifm reals 0.5 (q - 128): [2, -1, 0, 4]; weights 0.25 (q - 128): [1, -2]; bias 0.125 q: [1, -1].
  interpreter.set_input_bytes(0, std::vector<uint8_t>{132, 126, 128, 136});
  interpreter.run();
  const auto out = interpreter.tensor_bytes(model.outputs[0]);
  // channel 0: x + 1 = [3, 0, 1, 5]; channel 1: -2x - 1 = [-5, 1, -1, -9], RELU -> 0;
  // at scale 1, zero point 10.
  EXPECT_EQ(std::vector<uint8_t>(out.begin(), out.end()),
            (std::vector<uint8_t>{13, 10, 10, 11, 11, 10, 15, 10}));
}

} // namespace
} // namespace qgold::interp
