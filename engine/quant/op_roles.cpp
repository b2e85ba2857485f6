#include "quant/op_roles.h"

namespace qgold::quant {

using ir::OpCode;

std::optional<WeightedOpRoles> weighted_op_roles(OpCode code) {
  switch (code) {
  case OpCode::Conv2D:
    return WeightedOpRoles{0, 1, 2, 0};
  case OpCode::DepthwiseConv2D:
    return WeightedOpRoles{0, 1, 2, 3};
  case OpCode::FullyConnected:
    return WeightedOpRoles{0, 1, 2, 0};
  case OpCode::TransposeConv:
    return WeightedOpRoles{2, 1, 3, 0};
  default:
    return std::nullopt;
  }
}

std::vector<int> activation_operands(const ir::Operator &op) {
  switch (op.code) {
  case OpCode::Add:
  case OpCode::Sub:
  case OpCode::Mul:
    return {0, 1};
  case OpCode::Concatenation: {
    std::vector<int> all(op.inputs.size());
    for (size_t i = 0; i < all.size(); ++i)
      all[i] = static_cast<int>(i);
    return all;
  }
  case OpCode::TransposeConv:
    return {2};
  case OpCode::Split:
    return {1};
  default:
    return {0};
  }
}

} // namespace qgold::quant
