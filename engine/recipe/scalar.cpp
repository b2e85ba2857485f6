#include "recipe/scalar.h"

#include <charconv>
#include <limits>

namespace qgold::recipe {
namespace {

// from_chars rejects a leading '+', which recipes may reasonably write.
std::string_view strip_plus(std::string_view text) {
  if (text.size() > 1 && text[0] == '+' && text[1] != '-')
    text.remove_prefix(1);
  return text;
}

template <typename T> std::optional<T> parse_number(std::string_view text) {
  text = strip_plus(text);
  T value{};
  const char *end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty())
    return std::nullopt;
  return value;
}

} // namespace

std::optional<int64_t> parse_int64(std::string_view text) { return parse_number<int64_t>(text); }
std::optional<uint64_t> parse_uint64(std::string_view text) {
  return parse_number<uint64_t>(text);
}
std::optional<int32_t> parse_int32(std::string_view text) { return parse_number<int32_t>(text); }
std::optional<float> parse_float(std::string_view text) { return parse_number<float>(text); }
std::optional<double> parse_double(std::string_view text) { return parse_number<double>(text); }

std::optional<bool> parse_bool(std::string_view text) {
  for (std::string_view yes : {"true", "True", "TRUE", "t", "T", "1"})
    if (text == yes)
      return true;
  for (std::string_view no : {"false", "False", "FALSE", "f", "F", "0"})
    if (text == no)
      return false;
  return std::nullopt;
}

std::string format_float(float value) {
  char buffer[64];
  auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, ec == std::errc() ? ptr : buffer);
}

} // namespace qgold::recipe
