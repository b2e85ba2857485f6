#pragma once

// Integer arithmetic as TFLite's kernels compute it on x86-64, where C++
// leaves it undefined: signed overflow wraps around (two's complement), and a
// float that does not fit the integer type converts to the type's "integer
// indefinite" value (INT_MIN), which is what cvttss2si/cvttsd2si return.

#include <concepts>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace qgold::interp::kernels {

template <std::integral T> T wrapping_add(T a, T b) {
  using U = std::make_unsigned_t<T>;
  return static_cast<T>(static_cast<U>(static_cast<U>(a) + static_cast<U>(b)));
}

template <std::integral T> T wrapping_sub(T a, T b) {
  using U = std::make_unsigned_t<T>;
  return static_cast<T>(static_cast<U>(static_cast<U>(a) - static_cast<U>(b)));
}

template <std::integral T> T wrapping_mul(T a, T b) {
  // Unsigned products of at least int width never overflow (small types
  // promote to int first, hence the explicit widening).
  using U = std::conditional_t<(sizeof(T) < sizeof(unsigned)), unsigned, std::make_unsigned_t<T>>;
  return static_cast<T>(static_cast<U>(static_cast<U>(a) * static_cast<U>(b)));
}

template <std::integral T> T wrapping_neg(T a) { return wrapping_sub(T{0}, a); }

// static_cast<T>(value) for a float or double: truncation toward zero. A value
// outside the range of int64 (T = int64_t) or of int32 (every narrower T), and
// NaN, give that range's minimum, then the narrower types keep its low bits,
// as the compiler's 32-bit conversion followed by a narrowing store does.
template <std::integral T, std::floating_point F> T truncate_to(F value) {
  if constexpr (std::is_same_v<T, bool>) {
    return value != 0; // NaN converts to true
  } else {
    using Wide = std::conditional_t<(sizeof(T) > 4), int64_t, int32_t>;
    // The range is [-2^k, 2^k); 2^k is exact in float and double, and every
    // value outside the open bound, NaN included, gives the minimum.
    constexpr F bound = -static_cast<F>(std::numeric_limits<Wide>::min());
    Wide wide = std::numeric_limits<Wide>::min();
    if (value > -bound - F{1} && value < bound)
      wide = static_cast<Wide>(value);
    return static_cast<T>(wide); // modular narrowing (C++20)
  }
}

} // namespace qgold::interp::kernels
