#pragma once

#include "ir/model.h"

#include <stdexcept>
#include <string>

namespace qgold::ir {

// A structural or shape error in a model, tied to the operator (and operand
// slot) where it was found so that callers can point at their source
// (a recipe line, a model file offset).
class ModelError : public std::runtime_error {
public:
  ModelError(std::string message, int32_t op_index = -1, int32_t tensor_index = -1)
      : std::runtime_error(std::move(message)), op_index(op_index), tensor_index(tensor_index) {}
  int32_t op_index;     // -1 when not tied to an operator
  int32_t tensor_index; // -1 when not tied to a tensor
};

// Output shapes of operator `op` computed from its input shapes and options.
// Reads int32 constants it depends on (Reshape shape, Mean axes, Pad paddings,
// Split axis, TransposeConv output_shape). Throws ModelError on inconsistent
// operands (wrong rank, channel mismatch, non-broadcastable shapes, ...).
std::vector<Shape> infer_output_shapes(const Graph &graph, const Operator &op);

// Checks a whole model, every subgraph: tensor indices in range, every
// non-constant operator input produced before use (no cycles, no dangling
// reads), unique tensor names, operand counts and dtypes per op, declared
// output shapes equal to the inferred ones, shape signatures and sparse
// constants that fit their shapes, signature defs that name tensors of their
// subgraph. Throws ModelError naming the op and tensor (and the subgraph
// when it is not the main one).
void validate_model(const Model &model);

} // namespace qgold::ir
