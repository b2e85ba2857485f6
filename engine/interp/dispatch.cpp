#include "interp/dispatch.h"

#include "interp/binders.h"

namespace qgold::interp {

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
