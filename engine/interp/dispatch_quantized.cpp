#include "interp/binders_quantized.h"
#include "interp/dispatch.h"

namespace qgold::interp {
namespace {

bool is_quantized(const ir::Tensor &tensor) {
  return (tensor.dtype == ir::DType::UInt8 || tensor.dtype == ir::DType::Int8 ||
          tensor.dtype == ir::DType::Int16) &&
         tensor.quant && !tensor.quant->scale.empty();
}

} // namespace

bool runs_on_integers(const ir::Model &model, const ir::Operator &op) {
  if (op.code == ir::OpCode::Quantize || op.code == ir::OpCode::Dequantize)
    return true;
  auto quantized = [&](int32_t index) {
    return index >= 0 && static_cast<size_t>(index) < model.tensors.size() &&
           is_quantized(model.tensors[static_cast<size_t>(index)]);
  };
  for (int32_t index : op.inputs)
    if (quantized(index))
      return true;
  for (int32_t index : op.outputs)
    if (quantized(index))
      return true;
  return false;
}

BoundKernel bind_quantized_kernel(const Operands &ops) {
  refuse_fused_tanh(ops);
  switch (ops.op().code) {
#define QGOLD_OP(Name, ...)                                                                        \
  case ir::OpCode::Name:                                                                           \
    return bind_quantized_##Name(ops);
#include "ir/ops.lst"
#undef QGOLD_OP
  }
  ops.fail("has an operator code outside ops.lst");
}

} // namespace qgold::interp
