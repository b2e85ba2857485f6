#pragma once

// A quantized model on qgold and on TFLite, bit for bit (README.md, "Quantized models").
//  1. End to end: `qgold run --all-tensors` against an --all-tensors oracle run, every tensor.
//  2. Operator by operator: every operator of every record run by qgold's interpreter alone on
//     the codes TFLite gave its inputs, against TFLite's output. Where TFLite's runtime does not
//     compute what its reference kernels (and qgold) do, a documented rule must hold exactly
//     instead:
//     - xnnpack-requantization: a Conv2D, DepthwiseConv2D, TransposeConv or FullyConnected that
//       XNNPACK computed (the oracle's profile names it) gives, for qgold's integer sum S of each
//       element (taps and bias, interp/weighted_sums.h), z_out + rne(float(S) * r) clamped to the
//       activation's codes, r = s_in * s_w[c] / s_out in float: XNNPACK's fp32 requantization,
//       where TFLite's reference (and qgold) multiply by a Q31 mantissa and round ties up.
//     - xnnpack-mean: a 4-D Mean over H and W that XNNPACK computed (its global average pooling)
//       gives z_out + rne(float(S) * float(s_in / (s_out * n))), S = sum of (x - z_in) over the
//       n elements, where TFLite's reference rounds a sum of codes and the zero point apart.
//     - same-parameters: a MaxPool2D, AveragePool2D, Pad, Reshape, Split or a data-movement op
//       (Transpose, Gather, Slice, StridedSlice, Squeeze, ExpandDims, Pack, Unpack, SplitV, Tile,
//       PadV2, MirrorPad, DepthToSpace, SpaceToDepth, BatchToSpaceND, SpaceToBatchND,
//       ResizeNearestNeighbor, ResizeBilinear, ReduceMax, ReduceMin) whose output has other
//       parameters than its input gives what qgold computes with the output's parameters set
//       to the input's:
//       TFLite's kernels copy (or pool, or compare) codes and assume them equal; qgold
//       requantizes to the output's parameters (docs/integer-inference.md). Maximum, Minimum,
//       Select, SelectV2 (and Pack) likewise, with their other operands' parameters set to the
//       first's.
//     - xnnpack-resize-bilinear: an 8-bit ResizeBilinear that XNNPACK computed interpolates the
//       codes with 11-bit weights (alpha = lrintf(2^11 * fraction) of a float source
//       coordinate, clamped to the input with half-pixel centers): top and bottom rows
//       (l << 11) + (r - l) * alpha_x, then (top << 11) + (bottom - top) * alpha_y, rounded half
//       up by (acc + 2^21) >> 22, where TFLite's reference (and qgold) use 10-bit weights.
//     - ruy-single-rounding: an int8 BatchMatMul (TFLite's optimized kernel, on ruy) gives
//       z_out + ((S * m + 2^(30 - shift)) >> (31 - shift)) clamped, S the sum of
//       (x - z_x)(y - z_y), m and shift the Q31 multiplier of s_x * s_y / s_out: one rounding,
//       half up, where TFLite's reference (and qgold) round twice.
//     - sum-wraps: an 8-bit Sum gives qgold's arithmetic (round(S * s_in / s_out - z_in * s * n)
//       + z_out in float) cast to the code type without clamping, so a sum past the range wraps
//       around (uint8 257 becomes 1) in TFLite's runtime; qgold clamps it, as TFLite's newer
//       fixed-point reference does (docs/integer-inference.md).
//     - cast-values: a Cast with a quantized side gives the float Cast of the stored values
//       (TFLite converts them and ignores scale and zero point; qgold casts the real numbers).

#include <string>

namespace qgold::oracle {

// Exit status: 0 every operator agrees exactly or by a rule, 1 one does not (reported with
// its record, tensor, element and both values), 2 bad input. The end-to-end comparison is
// reported; its differences follow from rule elements upstream.
int compare_codes(const std::string &model_path, const std::string &inputs_path,
                  const std::string &oracle_path, const std::string &run_path);

} // namespace qgold::oracle
