#pragma once

// Filler data generation. Random fillers are reproducible bit for bit on every
// platform: the engine is std::mt19937_64 (its output is fixed by the C++
// standard) and the distributions are computed here in double, never with
// std::*_distribution, whose algorithms are implementation defined.

#include "recipe/recipe.h"

#include <cstdint>
#include <optional>
#include <string>
#include <random>
#include <string_view>
#include <vector>

namespace qgold::recipe {

// The operand types recipes may declare (those fillers can generate), by
// their exact upper-case names; recipe_dtype_names() lists them for messages.
std::optional<ir::DType> recipe_dtype(std::string_view name);
std::string recipe_dtype_names();

// IEEE half precision (FLOAT16 operands): rounding to nearest even, overflow
// to infinity; and back, exactly.
uint16_t float_to_half(float value);
float half_to_float(uint16_t half);

// 64-bit FNV-1a of `text`.
uint64_t fnv1a64(std::string_view text);

// The engine that fills operand `operand_name` of a recipe with seed `seed`.
std::mt19937_64 filler_engine(uint64_t seed, std::string_view operand_name);

// A double in [0, 1) from the top 53 bits of one engine output.
double unit_uniform(std::mt19937_64 &engine);
// A standard normal sample (Box-Muller, cosine branch; two engine outputs).
double standard_normal(std::mt19937_64 &engine);

// The little-endian bytes of `operand`'s filler (operand.filler must be set)
// for `count` elements. Errors are InputError at the filler's location.
std::vector<uint8_t> generate_filler(const Operand &operand, int64_t count, uint64_t seed);

} // namespace qgold::recipe
