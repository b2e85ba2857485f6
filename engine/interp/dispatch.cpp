#include "interp/dispatch.h"

#include "interp/binders.h"
#include "ir/error.h"

#include <fmt/format.h>

namespace qgold::interp {

BoundKernel refuse_unfolded_densify(const Operands &ops) {
  throw UnsupportedError(fmt::format(
      "{} is not run: its sparse constant is densified when the model is read "
      "(fold_converter_constants); give it a constant input",
      ops.label()));
}

void refuse_fused_tanh(const Operands &ops) {
  // What a fused TANH computes is not agreed on: TFLite's kernels leave the
  // value as it is, ONE's interpreter (which record-minmax runs) rejects it,
  // and ONE's quantizer gives the output Tanh's fixed range.
  if (ir::fused_activation(ops.op().options) == ir::Activation::Tanh)
    throw UnsupportedError(fmt::format(
        "{}: fused activation TANH is not run: TFLite's kernels ignore it and ONE's interpreter "
        "rejects it; apply Tanh as its own operator",
        ops.label()));
}

BoundKernel bind_kernel(const Operands &ops) {
  refuse_fused_tanh(ops);
  switch (ops.op().code) {
#define QGOLD_OP(Name, ...)                                                                        \
  case ir::OpCode::Name:                                                                           \
    return bind_##Name(ops);
#include "ir/ops.lst"
#undef QGOLD_OP
  }
  ops.fail("has an operator code outside ops.lst");
}

} // namespace qgold::interp
