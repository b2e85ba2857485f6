#include "quant/primitives.h"

#include "ir/error.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>

namespace qgold::quant {

AsymParams compute_asym(float min, float max) {
  if (!(min <= max))
    throw InputError(fmt::format("cannot quantize the range [{}, {}]: min must be <= max", min, max));
  const double rmin = std::fmin(0.0, static_cast<double>(min));
  const double rmax = std::fmax(0.0, static_cast<double>(max));
  double scale = (rmax - rmin) / 255.0;
  int64_t zero_point;
  if (min >= 0) {
    zero_point = 0;
    scale = static_cast<double>(max) / 255.0;
  } else if (max < 0) {
    zero_point = 255;
    scale = -static_cast<double>(min) / 255.0;
  } else {
    const double zp_double = 0.0 - rmin / scale;
    zero_point = static_cast<uint8_t>(static_cast<float>(std::round(zp_double)));
  }
  if (scale < 1e-5) {
    scale = 1e-5;
    zero_point = static_cast<uint8_t>(static_cast<float>(std::round(0.0 - rmin / scale)));
  }
  AsymParams params;
  params.scale = static_cast<float>(scale);
  params.zero_point = zero_point;
  // The nudged range uses the double scale, not the stored float one.
  params.nmin = static_cast<float>(static_cast<double>(0 - zero_point) * scale);
  params.nmax = static_cast<float>(static_cast<double>(255 - zero_point) * scale);
  return params;
}

float sym_scale_floor(int32_t q_max) { return q_max == kInt8Max ? 1e-5f : 1e-8f; }

SymParams compute_sym(float min, float max, int32_t q_max) {
  if (!(min <= max))
    throw InputError(fmt::format("cannot quantize the range [{}, {}]: min must be <= max", min, max));
  const double q = q_max;
  const double rmin = std::fmin(0.0, static_cast<double>(min));
  const double rmax = std::fmax(0.0, static_cast<double>(max));
  const double from_min = (-q * rmin > 0) ? rmin / -q : 0.0;
  const double from_max = (q * rmax > 0) ? rmax / q : 0.0;
  SymParams params;
  params.scale = std::max(static_cast<float>(std::max(from_min, from_max)), sym_scale_floor(q_max));
  params.nmin = static_cast<float>(-q * static_cast<double>(params.scale));
  params.nmax = static_cast<float>(q * static_cast<double>(params.scale));
  return params;
}

uint8_t quantize_asym_clipped(float x, float nmin, float nmax, float inv) {
  const float clipped = x < nmin ? nmin : (x > nmax ? nmax : x);
  return quantize_asym_from(clipped, nmin, inv);
}

uint8_t quantize_asym_from(float x, float min_ref, float inv) {
  const float shifted = x - min_ref;
  const auto q = static_cast<int32_t>(round_away(shifted * inv));
  return static_cast<uint8_t>(std::clamp(q, 0, 255));
}

int32_t quantize_sym_clipped(float x, float nmin, float nmax, float inv, int32_t q_max) {
  const float clipped = x < nmin ? nmin : (x > nmax ? nmax : x);
  return quantize_sym(clipped, inv, q_max);
}

int32_t quantize_sym(float x, float inv, int32_t q_max) {
  const auto q = static_cast<int32_t>(round_away(x * inv));
  return std::clamp(q, -q_max, q_max);
}

int32_t quantize_with_params(float x, float scale, int64_t zero_point, int32_t q_min, int32_t q_max) {
  const float inv = inverse_scale(scale);
  double q = std::round(static_cast<double>(x) * static_cast<double>(inv)) + static_cast<double>(zero_point);
  q = std::clamp(q, static_cast<double>(std::numeric_limits<int32_t>::lowest()),
                 static_cast<double>(std::numeric_limits<int32_t>::max()));
  return std::clamp(static_cast<int32_t>(q), q_min, q_max);
}

float percentile(std::vector<float> values, float percent) {
  if (values.empty())
    throw InputError("percentile of an empty set of records");
  if (percent < 0.0f || percent > 100.0f)
    throw InputError(fmt::format("percentile {} is outside [0, 100]", percent));
  const size_t n = values.size();
  if (n == 1)
    return values[0];
  std::sort(values.begin(), values.end());
  if (percent == 0.0f)
    return values.front();
  if (percent == 100.0f)
    return values.back();
  const float last = static_cast<float>(n - 1);
  const auto index = static_cast<size_t>(std::floor(static_cast<double>(last * percent) / 100.0));
  const float position = static_cast<float>(index) / last;
  const auto fraction = static_cast<float>((percent / 100.0 - position) /
                                           ((index + 1.0) / (n - 1.0) - position));
  const float step = values[index + 1] - values[index];
  return values[index] + fraction * step;
}

float moving_average(std::span<const float> values, uint32_t batch, float avg_const, bool is_min) {
  if (values.empty())
    throw InputError("moving average of an empty set of records");
  if (batch == 0)
    throw InputError("moving-average batch size must be at least 1");
  const auto extreme = [&](size_t begin) {
    const auto end = std::min(values.size(), begin + batch);
    const auto first = values.begin() + static_cast<std::ptrdiff_t>(begin);
    const auto last = values.begin() + static_cast<std::ptrdiff_t>(end);
    return is_min ? *std::min_element(first, last) : *std::max_element(first, last);
  };
  const float alpha = 1.0f - avg_const;
  float current = extreme(0);
  for (size_t begin = batch; begin < values.size(); begin += batch) {
    const float decayed = current * alpha;
    current = static_cast<float>(static_cast<double>(decayed) +
                                 static_cast<double>(extreme(begin)) * (1.0 - static_cast<double>(alpha)));
  }
  return current;
}

} // namespace qgold::quant
