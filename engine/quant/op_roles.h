#pragma once

// Which operand of an op plays which role for quantization.

#include "ir/model.h"

#include <optional>
#include <vector>

namespace qgold::quant {

// Conv2D, DepthwiseConv2D, TransposeConv and FullyConnected: positions in
// op.inputs and the per-channel axis of the weights (quantization.md §4).
struct WeightedOpRoles {
  int activation;
  int weights;
  int bias;
  int channel_axis;
};
std::optional<WeightedOpRoles> weighted_op_roles(ir::OpCode code);

// Positions in op.inputs of the activation operands: the ones that get a
// Quantize op in front under mixed precision, and whose float constants are
// quantized as activations (Add's x and y, Split's input, ...).
std::vector<int> activation_operands(const ir::Operator &op);

} // namespace qgold::quant
