#include "interp/fast/value_range.h"

#include <cstdint>
#include <cstring>

namespace qgold::interp::fast {
namespace {

ValueRange scalar_range(const float *values, int64_t count, ValueRange range) {
  for (int64_t i = 0; i < count; ++i) {
    const float v = values[i];
    range.min = v < range.min ? v : range.min;
    range.max = v > range.max ? v : range.max;
  }
  return range;
}

// 16 floats; the element-wise `v < lo ? v : lo` compiles to vminps, which
// keeps `lo` for a NaN `v`: the scalar rule, 64 values per iteration.
typedef float Vec16 __attribute__((vector_size(64)));

__attribute__((target("avx512f"))) ValueRange avx512_range(const float *values, int64_t count) {
  const ValueRange initial;
  Vec16 lo[4], hi[4];
  for (int k = 0; k < 4; ++k)
    for (int lane = 0; lane < 16; ++lane) {
      lo[k][lane] = initial.min;
      hi[k][lane] = initial.max;
    }
  int64_t i = 0;
  for (; i + 64 <= count; i += 64)
    for (int k = 0; k < 4; ++k) {
      Vec16 v;
      std::memcpy(&v, values + i + 16 * k, sizeof v);
      lo[k] = v < lo[k] ? v : lo[k];
      hi[k] = v > hi[k] ? v : hi[k];
    }
  // The accumulators hold no NaN, so folding them with the scalar rule is exact.
  ValueRange range;
  for (int k = 0; k < 4; ++k)
    for (int lane = 0; lane < 16; ++lane) {
      range.min = lo[k][lane] < range.min ? lo[k][lane] : range.min;
      range.max = hi[k][lane] > range.max ? hi[k][lane] : range.max;
    }
  return scalar_range(values + i, count - i, range);
}

bool has_avx512() {
  static const bool supported = __builtin_cpu_supports("avx512f");
  return supported;
}

} // namespace

ValueRange value_range(std::span<const float> values) {
  const auto count = static_cast<int64_t>(values.size());
  if (has_avx512())
    return avx512_range(values.data(), count);
  return scalar_range(values.data(), count, ValueRange{});
}

} // namespace qgold::interp::fast
