#include "recipe/filler.h"

#include "recipe/scalar.h"

#include "ir/error.h"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>
#include <utility>

namespace qgold::recipe {
namespace {

// Mixes the seed bits so that nearby seeds give unrelated engines.
uint64_t splitmix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

struct IntRange {
  int64_t min, max;
};

IntRange int_range(ir::DType dtype) {
  switch (dtype) {
  case ir::DType::UInt8:
    return {0, 255};
  case ir::DType::Int8:
    return {-128, 127};
  case ir::DType::Int16:
    return {-32768, 32767};
  case ir::DType::Int32:
    return {std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max()};
  default:
    return {std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()};
  }
}

bool is_float(ir::DType dtype) { return dtype == ir::DType::Float32 || dtype == ir::DType::Float16; }

bool is_integer(ir::DType dtype) {
  return dtype == ir::DType::UInt8 || dtype == ir::DType::Int8 || dtype == ir::DType::Int16 ||
         dtype == ir::DType::Int32 || dtype == ir::DType::Int64;
}

// Appends one element in the dtype's little-endian layout.
class ByteWriter {
public:
  ByteWriter(ir::DType dtype, int64_t count) : dtype_(dtype) {
    bytes_.reserve(static_cast<size_t>(count) * ir::dtype_size(dtype));
  }
  // FLOAT32 as is; FLOAT16 rounded once to half precision.
  void add_float(float value) {
    if (dtype_ == ir::DType::Float16)
      append(float_to_half(value));
    else
      append(value);
  }
  void add_bool(bool value) { bytes_.push_back(value ? 1 : 0); }
  void add_int(int64_t value) {
    switch (dtype_) {
    case ir::DType::UInt8:
      append(static_cast<uint8_t>(value));
      break;
    case ir::DType::Int8:
      append(static_cast<int8_t>(value));
      break;
    case ir::DType::Int16:
      append(static_cast<int16_t>(value));
      break;
    case ir::DType::Int32:
      append(static_cast<int32_t>(value));
      break;
    default:
      append(value);
    }
  }
  void add_encoded(const std::vector<uint8_t> &element) {
    bytes_.insert(bytes_.end(), element.begin(), element.end());
  }
  std::vector<uint8_t> take() { return std::exchange(bytes_, {}); }

private:
  // qgold targets little-endian hosts, like tflchef, so host order is file order.
  template <typename T> void append(T value) {
    uint8_t raw[sizeof(T)];
    std::memcpy(raw, &value, sizeof(T));
    bytes_.insert(bytes_.end(), raw, raw + sizeof(T));
  }
  ir::DType dtype_;
  std::vector<uint8_t> bytes_;
};

class FillerGenerator {
public:
  FillerGenerator(const Operand &operand, int64_t count, uint64_t seed)
      : operand_(operand), filler_(*operand.filler), count_(count), seed_(seed),
        out_(operand.dtype, count) {}

  std::vector<uint8_t> run() {
    const std::string &tag = filler_.tag;
    if (tag == "explicit")
      explicit_values();
    else if (tag == "constant")
      constant_value();
    else if (tag == "gaussian")
      gaussian();
    else if (tag == "uniform")
      uniform();
    else
      fail(fmt::format("unknown filler tag '{}' (expected explicit, constant, gaussian or uniform)",
                       tag));
    return out_.take();
  }

private:
  [[noreturn]] void fail(const std::string &message) const {
    throw InputError(fmt::format("{}: operand '{}': {}", filler_.location.to_string(),
                                 operand_.name, message));
  }

  void expect_args(size_t count, std::string_view meaning) const {
    if (filler_.args.size() != count)
      fail(fmt::format("filler '{}' takes {} arg{} ({}), got {}", filler_.tag, count,
                       count == 1 ? "" : "s", meaning, filler_.args.size()));
  }

  std::string_view dtype() const { return ir::dtype_name(operand_.dtype); }

  // Parses arg `i` as one element of the operand's dtype and appends it.
  void add_arg(size_t i) {
    const std::string &text = filler_.args[i];
    if (is_float(operand_.dtype)) {
      auto value = parse_float(text);
      if (!value)
        fail(fmt::format("arg {} '{}' is not a {} number", i, text, dtype()));
      out_.add_float(*value);
    } else if (operand_.dtype == ir::DType::Bool) {
      auto value = parse_bool(text);
      if (!value)
        fail(fmt::format("arg {} '{}' is not a BOOL (expected true/false/1/0)", i, text));
      out_.add_bool(*value);
    } else {
      auto value = parse_int64(text);
      IntRange range = int_range(operand_.dtype);
      if (!value)
        fail(fmt::format("arg {} '{}' is not an integer ({} expects integers)", i, text, dtype()));
      if (*value < range.min || *value > range.max)
        fail(fmt::format("arg {} '{}' is out of range for {} ({}..{})", i, text, dtype(),
                         range.min, range.max));
      out_.add_int(*value);
    }
  }

  void add_zero() {
    if (is_float(operand_.dtype))
      out_.add_float(0.0f);
    else if (operand_.dtype == ir::DType::Bool)
      out_.add_bool(false);
    else
      out_.add_int(0);
  }

  void explicit_values() {
    if (static_cast<int64_t>(filler_.args.size()) > count_)
      fail(fmt::format("explicit filler has {} args, but shape {} holds only {} elements",
                       filler_.args.size(), ir::shape_to_string(operand_.shape), count_));
    for (size_t i = 0; i < filler_.args.size(); ++i)
      add_arg(i);
    for (int64_t i = static_cast<int64_t>(filler_.args.size()); i < count_; ++i)
      add_zero();
  }

  // Encodes the value once, then repeats its bytes.
  void constant_value() {
    expect_args(1, "the value");
    add_arg(0);
    std::vector<uint8_t> one = out_.take();
    for (int64_t i = 0; i < count_; ++i)
      out_.add_encoded(one);
  }

  double double_arg(size_t i, std::string_view meaning) const {
    auto value = parse_double(filler_.args[i]);
    if (!value || !std::isfinite(*value))
      fail(fmt::format("arg {} ({}) '{}' is not a finite number", i, meaning, filler_.args[i]));
    return *value;
  }

  void random_values_allowed() const {
    if (operand_.dtype == ir::DType::Bool)
      fail(fmt::format("filler '{}' is not available for BOOL", filler_.tag));
  }

  // Float samples are rounded once to float; integer samples are rounded half
  // away from zero and clamped to the dtype range.
  void add_sample(double value) {
    if (is_float(operand_.dtype)) {
      out_.add_float(static_cast<float>(value));
      return;
    }
    IntRange range = int_range(operand_.dtype);
    double rounded = std::round(value);
    if (rounded <= static_cast<double>(range.min))
      out_.add_int(range.min);
    else if (rounded >= static_cast<double>(range.max))
      out_.add_int(range.max);
    else
      out_.add_int(static_cast<int64_t>(rounded));
  }

  void gaussian() {
    random_values_allowed();
    expect_args(2, "mean, stddev");
    double mean = double_arg(0, "mean"), stddev = double_arg(1, "stddev");
    if (stddev < 0)
      fail(fmt::format("stddev must be >= 0, got {}", filler_.args[1]));
    std::mt19937_64 engine = filler_engine(seed_, operand_.name);
    for (int64_t i = 0; i < count_; ++i)
      add_sample(mean + stddev * standard_normal(engine));
  }

  // Floats: [min, max). Integers: every integer of [min, max] equally likely.
  void uniform() {
    random_values_allowed();
    expect_args(2, "min, max");
    double min = double_arg(0, "min"), max = double_arg(1, "max");
    if (min > max)
      fail(fmt::format("min {} is larger than max {}", filler_.args[0], filler_.args[1]));
    bool integer = is_integer(operand_.dtype);
    if (integer && (min != std::floor(min) || max != std::floor(max)))
      fail(fmt::format("uniform bounds for {} must be integers, got {} and {}", dtype(),
                       filler_.args[0], filler_.args[1]));
    std::mt19937_64 engine = filler_engine(seed_, operand_.name);
    for (int64_t i = 0; i < count_; ++i) {
      double u = unit_uniform(engine);
      add_sample(integer ? std::min(max, min + std::floor(u * (max - min + 1))) : min + u * (max - min));
    }
  }

  const Operand &operand_;
  const Filler &filler_;
  int64_t count_;
  uint64_t seed_;
  ByteWriter out_;
};

} // namespace

namespace {
constexpr std::array<ir::DType, 8> kRecipeDTypes = {
    ir::DType::Float32, ir::DType::Float16, ir::DType::Int32, ir::DType::UInt8,
    ir::DType::Int16,   ir::DType::Int8,    ir::DType::Int64, ir::DType::Bool};
} // namespace

std::optional<ir::DType> recipe_dtype(std::string_view name) {
  for (ir::DType dtype : kRecipeDTypes)
    if (ir::dtype_name(dtype) == name)
      return dtype;
  return std::nullopt;
}

std::string recipe_dtype_names() {
  std::string out;
  for (ir::DType dtype : kRecipeDTypes)
    out += (out.empty() ? "" : ", ") + std::string(ir::dtype_name(dtype));
  return out;
}

uint16_t float_to_half(float value) {
  uint32_t bits = 0;
  std::memcpy(&bits, &value, 4);
  const auto sign = static_cast<uint16_t>((bits >> 16) & 0x8000);
  const uint32_t magnitude = bits & 0x7fffffff;
  if (magnitude > 0x7f800000) // NaN: keep it quiet
    return sign | 0x7e00;
  if (magnitude >= 0x477ff000) // rounds to a value beyond 65504: infinity
    return sign | 0x7c00;
  if (magnitude < 0x38800000) { // below the smallest normal half 2^-14: subnormal or zero
    // Units of 2^-24, rounded to nearest even; the float's value is exact in double.
    float abs_value = 0;
    std::memcpy(&abs_value, &magnitude, 4);
    return sign | static_cast<uint16_t>(std::nearbyint(static_cast<double>(abs_value) * 0x1p24));
  }
  // Normal: rebias the exponent (127 -> 15), round the 23-bit mantissa to 10 bits, nearest even.
  const uint32_t rebased = magnitude - (uint32_t{112} << 23);
  const uint32_t rounded = rebased + 0xfff + ((rebased >> 13) & 1);
  return sign | static_cast<uint16_t>(rounded >> 13);
}

float half_to_float(uint16_t half) {
  const int exponent = (half >> 10) & 0x1f, mantissa = half & 0x3ff;
  float magnitude;
  if (exponent == 0)
    magnitude = std::ldexp(static_cast<float>(mantissa), -24);
  else if (exponent == 31)
    magnitude = mantissa ? std::numeric_limits<float>::quiet_NaN()
                         : std::numeric_limits<float>::infinity();
  else
    magnitude = std::ldexp(static_cast<float>(mantissa + 1024), exponent - 25);
  return (half & 0x8000) ? -magnitude : magnitude;
}

uint64_t fnv1a64(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  return hash;
}

std::mt19937_64 filler_engine(uint64_t seed, std::string_view operand_name) {
  return std::mt19937_64(splitmix64(seed) ^ fnv1a64(operand_name));
}

double unit_uniform(std::mt19937_64 &engine) {
  return static_cast<double>(engine() >> 11) * 0x1.0p-53;
}

double standard_normal(std::mt19937_64 &engine) {
  double u1 = 1.0 - unit_uniform(engine); // (0, 1]: log stays finite
  double u2 = unit_uniform(engine);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

std::vector<uint8_t> generate_filler(const Operand &operand, int64_t count, uint64_t seed) {
  return FillerGenerator(operand, count, seed).run();
}

} // namespace qgold::recipe
