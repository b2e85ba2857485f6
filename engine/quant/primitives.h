#pragma once

// Scale/zero-point computation and value quantizers of ONE's luci passes
// (quantization.md §2-§3). Each evaluates in float or double exactly as the
// spec says, so results match ONE bit for bit; build with -ffp-contract=off.

#include <cstdint>
#include <span>
#include <vector>

namespace qgold::quant {

constexpr int32_t kInt16Max = 32767; // narrow range: -32767..32767
constexpr int32_t kInt8Max = 127;

// Round half away from zero (ONE calls std::round).
inline float round_away(float x) { return __builtin_roundf(x); }

// Asymmetric uint8 (§2.1): range widened to include 0, scale and zero point,
// and the nudged range [nmin, nmax] that codes 0 and 255 map back to.
struct AsymParams {
  float scale;
  int64_t zero_point;
  float nmin, nmax;
};
AsymParams compute_asym(float min, float max);

// Symmetric int16/int8 (§2.2) with zero point 0 and range [-Q*scale, Q*scale].
struct SymParams {
  float scale;
  float nmin, nmax;
};
SymParams compute_sym(float min, float max, int32_t q_max);

// Scale floor of the symmetric scheme for Q = 32767 (1e-8) or 127 (1e-5).
float sym_scale_floor(int32_t q_max);

// 1/scale as ONE computes it: divided in double, stored as float.
inline float inverse_scale(float scale) { return static_cast<float>(1.0 / scale); }

// Value quantizers (§3). `inv` is inverse_scale(scale).
uint8_t quantize_asym_clipped(float x, float nmin, float nmax, float inv); // QA_clip
uint8_t quantize_asym_from(float x, float min_ref, float inv);             // QA_ref
int32_t quantize_sym_clipped(float x, float nmin, float nmax, float inv, int32_t q_max); // QS_clip
int32_t quantize_sym(float x, float inv, int32_t q_max);                   // QS_noclip
// QV: constants quantized with propagated qparams; evaluated in double.
int32_t quantize_with_params(float x, float scale, int64_t zero_point, int32_t q_min, int32_t q_max);

// Fake-quant dequantization (§3.1).
inline float dequantize_asym(uint8_t q, float scale, float nmin) {
  float scaled = static_cast<float>(q) * scale;
  return scaled + nmin;
}
inline float dequantize_sym(int32_t q, float scale) { return static_cast<float>(q) * scale; }

// Record-minmax reductions over per-record values (§6.3).
float percentile(std::vector<float> values, float percent);
float moving_average(std::span<const float> values, uint32_t batch, float avg_const, bool is_min);

} // namespace qgold::quant
