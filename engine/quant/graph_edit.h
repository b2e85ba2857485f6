#pragma once

// Small graph rewrites used by the quantization passes.

#include "ir/model.h"

namespace qgold::quant {

// Makes every operator input that reads `from` read `to` instead, except
// inside operator `except` (-1: none). Graph outputs move too when
// `include_graph_outputs`.
void replace_uses(ir::Model &model, int32_t from, int32_t to, int32_t except, bool include_graph_outputs);

// Inserts `op` at position `position` of the operator list.
void insert_operator(ir::Model &model, int32_t position, ir::Operator op);

// Removes operators whose outputs are neither read nor graph outputs, then
// tensors nobody refers to, renumbering tensor indices.
void remove_dead_code(ir::Model &model);
// Removes the tensors no operator and no graph input/output refers to.
void remove_unused_tensors(ir::Model &model);

// A Quantize op from tensor `from` to a new tensor `name` (dtype, quant params, shape of `from`).
int32_t add_quantize_tensor(ir::Model &model, int32_t from, const std::string &name, ir::DType dtype,
                            ir::QuantParams quant);

} // namespace qgold::quant
