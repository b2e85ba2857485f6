#pragma once

#include "interp/kernels/quantized/quantize.h"
#include "ir/model.h"

namespace qgold::interp::kernels::quantized {

// Quantized Select and SelectV2: TFLite's select.cc copies the chosen
// operand's codes (uint8, int8, int16), assuming both share the output's
// parameters. qgold requantizes the chosen code to the output's parameters
// (`x_requant`, `y_requant`: TFLite's Requantize, the identity when they
// agree, so every model TFLite accepts gives TFLite's codes).
// Select: x and y have the output's shape; the condition has it too, or is a
// vector along the first dimension or a scalar (RankOneSelect).
template <typename T>
void select(const ir::Shape &condition_shape, const bool *condition,
            const Requantization &x_requant, const T *x, const Requantization &y_requant,
            const T *y, const ir::Shape &out_shape, T *out);

// SelectV2: the three operands numpy-broadcast to out_shape.
template <typename T>
void select_v2(const ir::Shape &condition_shape, const bool *condition,
               const Requantization &x_requant, const ir::Shape &x_shape, const T *x,
               const Requantization &y_requant, const ir::Shape &y_shape, const T *y,
               const ir::Shape &out_shape, T *out);

} // namespace qgold::interp::kernels::quantized
