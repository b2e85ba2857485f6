#pragma once

// Golden values in quantization steps: which scale measures an element, and
// how far a change of a scale moves a tensor's codes.

#include "harness/golden/golden.h"
#include "ir/dtype.h"
#include "ir/model.h"

#include <optional>
#include <vector>

namespace qgold::harness {

// The channel axis of a tensor of `shape` with `channels` per-channel scales:
// `preferred` (its quantized_dimension) when shape[preferred] == channels,
// else the only axis of that size; -1 when none fits.
int32_t channel_axis(const ir::Shape &shape, size_t channels, int32_t preferred);

// The scale that measures flat element `index` of a tensor of `shape`: the
// only value of `scale`, or the value of the element's channel along `axis`
// for a per-channel list. nullopt when `scale` does not fit.
std::optional<double> element_scale(const GoldenArray &scale, const ir::Shape &shape, int32_t axis,
                                    size_t index);

// Per channel (one entry for one scale), how far from the zero point the
// codes of a quantized tensor reach, which a change of its scale moves most:
// the ends of `dtype`'s range for 8- and 16-bit tensors; for int32/int64
// (biases, whose codes never come near their dtype's ends) the largest code
// the golden holds. Empty when unknown (no scale, a float dtype, a bias
// golden without codes).
std::vector<double> end_codes(const Golden &quantized, ir::DType dtype, int32_t axis);

// How far codes `end` steps from the zero point move when the scale goes from
// `before` to `after`: end * |after - before| / after.
double codes_moved(double end, double before, double after);

} // namespace qgold::harness
