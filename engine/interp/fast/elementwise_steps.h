#pragma once

// Vectorized float loops of the fast backend for elementwise ops, written as
// the reference kernels compute them (same expression, same operand order),
// so they agree bit for bit; each output's value range is reduced block by
// block while the block is still in L1.

#include "interp/fast/steps.h"

namespace qgold::interp::fast {

// Add, Sub, Mul on float32 where one operand has the output's shape and the
// other either the same shape, one value, or the output's last dimension
// (a per-channel [.., C] operand, as squeeze-excite gates and biases are);
// null otherwise (the reference kernel's general broadcast then runs).
std::unique_ptr<FastStep> make_binary(const ir::Model &model, const ir::Operator &op);

// HardSwish on float32.
std::unique_ptr<FastStep> make_hard_swish(const ir::Model &model, const ir::Operator &op);

} // namespace qgold::interp::fast
