// A custom op's kernel is the application's: qgold reads, writes and
// inspects custom ops but cannot run them.
#include "interp/binders.h"
#include "interp/binders_quantized.h"
#include "ir/error.h"

#include <fmt/format.h>

namespace qgold::interp {

BoundKernel bind_Custom(const Operands &ops) {
  throw UnsupportedError(fmt::format("{} is the custom op '{}', which qgold cannot run", ops.label(),
                                     ops.op().custom_code));
}

BoundKernel bind_quantized_Custom(const Operands &ops) { return bind_Custom(ops); }

} // namespace qgold::interp
