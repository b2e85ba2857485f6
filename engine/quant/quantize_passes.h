#pragma once

// The passes of quantize-with-minmax (quantization.md §7), in the order
// quantize_with_minmax runs them. Each lives in its own file.

#include "ir/model.h"
#include "quant/quant.h"
#include "quant/settings.h"

namespace qgold::quant {

struct QuantizeContext {
  ir::Model &model;
  const LayerSettings &settings;
  const QuantizeOptions &options;
};

// Quantization parameters of an activation range in `dtype` (uint8: asymmetric,
// int16: symmetric), keeping the range as min/max.
ir::QuantParams activation_params(float min, float max, ir::DType dtype);
// Per-tensor quantization of a float constant in `dtype` (ONE's quant_const).
void quantize_constant(ir::Tensor &tensor, ir::DType dtype);

void quantize_activations(QuantizeContext &context);            // 1
void insert_mixed_precision_quantize(QuantizeContext &context); // 2
void remove_redundant_quantize(ir::Model &model);               // 3 and 13
void propagate_qparams_backward(QuantizeContext &context);      // 4
void quantize_const_inputs(QuantizeContext &context);           // 5
void set_fixed_activation_qparams(QuantizeContext &context);    // 6
void propagate_qparams_forward(ir::Model &model);               // 7
void apply_int8_same_params(QuantizeContext &context);          // 7b (int8 only)
void quantize_layer_weights(QuantizeContext &context);          // 8
void quantize_biases(QuantizeContext &context);                 // 9
void convert_io_types(QuantizeContext &context);                // 11 and 12

} // namespace qgold::quant
