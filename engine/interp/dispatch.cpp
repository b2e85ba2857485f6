#include "interp/dispatch.h"

#include "interp/binders.h"
#include "ir/error.h"

#include <fmt/format.h>

namespace qgold::interp {

BoundKernel no_float_kernel_yet(const Operands &ops) {
  throw UnsupportedError(fmt::format("{} has no float kernel yet", ops.label()));
}

BoundKernel bind_kernel(const Operands &ops) {
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
