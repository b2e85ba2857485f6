#pragma once

#include "ir/ops.h"

#include <span>

namespace qgold::interp::kernels {

// A fused activation applied to one value. The clamping ones follow TFLite's
// ActivationFunctionWithMinMax, min(max(x, lo), hi), so NaN passes through.
// TFLite computes nothing for a fused TANH (its range is unbounded), which is
// why the interpreter refuses to bind one (interp/dispatch.cpp).
float activate(ir::Activation activation, float value);

// Applies `activation` in place; a no-op for Activation::None.
void activate(ir::Activation activation, std::span<float> values);

} // namespace qgold::interp::kernels
