#pragma once

// Strict text-to-number conversions shared by the recipe parsers and the
// filler generator: the whole text must be consumed, and out-of-range values
// are reported instead of wrapped. Locale independent.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace qgold::recipe {

std::optional<int64_t> parse_int64(std::string_view text);
std::optional<uint64_t> parse_uint64(std::string_view text);
std::optional<int32_t> parse_int32(std::string_view text);
// Decimal or exponent notation, "inf", "nan"; rounded once to the nearest float.
std::optional<float> parse_float(std::string_view text);
std::optional<double> parse_double(std::string_view text);
// true/True/TRUE/t/T/1 and false/False/FALSE/f/F/0 (tflchef's and YAML's spellings).
std::optional<bool> parse_bool(std::string_view text);

// Shortest text that parses back to exactly `value` ("0.1", "1e-05", "-inf").
std::string format_float(float value);

} // namespace qgold::recipe
