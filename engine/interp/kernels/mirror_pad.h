#pragma once

#include "ir/model.h"

#include <span>

namespace qgold::interp::kernels {

// Mirror padding, as TFLite's mirror_pad.cc: REFLECT mirrors around the edge
// element ([a b c] padded by 2 each side: c b a b c b a), SYMMETRIC includes it
// (b a a b c c b). `paddings` is the [rank, 2] table (before, after), at most
// dim - 1 (REFLECT) or dim (SYMMETRIC); shape inference checks it.
template <typename T>
void mirror_pad(ir::MirrorPadMode mode, const ir::Shape &input_shape, const T *input,
                std::span<const int32_t> paddings, const ir::Shape &output_shape, T *output);

} // namespace qgold::interp::kernels
