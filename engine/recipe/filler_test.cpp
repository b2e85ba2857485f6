#include "recipe/filler.h"
#include "recipe/scalar.h"
#include "recipe/test_util.h"

#include <gtest/gtest.h>

#include <cstring>

namespace qgold::recipe {
namespace {

using test_support::input_error;
using ::testing::HasSubstr;

Operand operand(std::string name, ir::DType dtype, ir::Shape shape, std::string tag,
                std::vector<std::string> args) {
  Operand o;
  o.name = std::move(name);
  o.dtype = dtype;
  o.shape = std::move(shape);
  o.filler = Filler{std::move(tag), std::move(args), {"f.yaml", 3, 5}};
  return o;
}

template <typename T> std::vector<T> decode(const std::vector<uint8_t> &bytes) {
  std::vector<T> values(bytes.size() / sizeof(T));
  std::memcpy(values.data(), bytes.data(), values.size() * sizeof(T));
  return values;
}

TEST(Filler, Fnv1aMatchesPublishedVectors) {
  EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cull);
}

TEST(Filler, EngineIsTheStandardMt19937_64) {
  // The C++ standard fixes the 10000th output of a default-seeded mt19937_64.
  std::mt19937_64 engine;
  engine.discard(9999);
  EXPECT_EQ(engine(), 9981545732273789042ull);
}

// Expected values come from an independent Python implementation of
// mt19937_64, FNV-1a, splitmix64 and Box-Muller, rounded to float32.
TEST(Filler, GaussianValuesArePinned) {
  auto bytes = generate_filler(operand("ker", ir::DType::Float32, {4}, "gaussian", {"1", "0.5"}), 4, 42);
  EXPECT_EQ(decode<float>(bytes), (std::vector<float>{0.13019028306007385f, 1.0217641592025757f,
                                                      2.1823201179504395f, 0.6304360032081604f}));
}

TEST(Filler, UniformValuesArePinned) {
  auto bytes = generate_filler(operand("ker", ir::DType::Float32, {4}, "uniform", {"-2", "2"}), 4, 42);
  EXPECT_EQ(decode<float>(bytes), (std::vector<float>{1.3985921144485474f, -0.29629257321357727f,
                                                      1.580506682395935f, 1.0130494832992554f}));
  auto ints = generate_filler(operand("idx", ir::DType::Int8, {6}, "uniform", {"-3", "3"}), 6, 7);
  EXPECT_EQ(decode<int8_t>(ints), (std::vector<int8_t>{0, -3, -2, -1, -3, -1}));
}

TEST(Filler, RandomFillersDependOnSeedAndNameOnly) {
  Operand a = operand("w", ir::DType::Float32, {64}, "gaussian", {"0", "1"});
  EXPECT_EQ(generate_filler(a, 64, 3), generate_filler(a, 64, 3));
  EXPECT_NE(generate_filler(a, 64, 3), generate_filler(a, 64, 4));
  Operand b = a;
  b.name = "v";
  EXPECT_NE(generate_filler(a, 64, 3), generate_filler(b, 64, 3));
  Operand u = operand("w", ir::DType::Float32, {64}, "uniform", {"0.5", "0.75"});
  for (float v : decode<float>(generate_filler(u, 64, 1))) {
    EXPECT_GE(v, 0.5f);
    EXPECT_LE(v, 0.75f);
  }
}

TEST(Filler, GaussianIntegersAreRoundedAndClamped) {
  // mean 1000 with stddev 0.001 rounds to 1000 and clamps to 255 for UINT8.
  auto bytes = generate_filler(operand("q", ir::DType::UInt8, {3}, "gaussian", {"1000", "0.001"}), 3, 0);
  EXPECT_EQ(bytes, (std::vector<uint8_t>{255, 255, 255}));
  auto i16 = generate_filler(operand("q", ir::DType::Int16, {2}, "gaussian", {"-7", "0"}), 2, 0);
  EXPECT_EQ(decode<int16_t>(i16), (std::vector<int16_t>{-7, -7}));
}

TEST(Filler, ExplicitPadsWithZerosPerDtype) {
  EXPECT_EQ(decode<float>(generate_filler(
                operand("a", ir::DType::Float32, {2, 2}, "explicit", {"1.5", "-2"}), 4, 0)),
            (std::vector<float>{1.5f, -2.0f, 0.0f, 0.0f}));
  EXPECT_EQ(decode<int32_t>(generate_filler(
                operand("a", ir::DType::Int32, {3}, "explicit", {"-2147483648", "7"}), 3, 0)),
            (std::vector<int32_t>{INT32_MIN, 7, 0}));
  EXPECT_EQ(decode<int64_t>(generate_filler(
                operand("a", ir::DType::Int64, {2}, "explicit", {"9223372036854775807"}), 2, 0)),
            (std::vector<int64_t>{INT64_MAX, 0}));
  EXPECT_EQ(generate_filler(operand("a", ir::DType::Bool, {4}, "explicit", {"true", "0", "T"}), 4, 0),
            (std::vector<uint8_t>{1, 0, 1, 0}));
  EXPECT_EQ(generate_filler(operand("a", ir::DType::UInt8, {2}, "explicit", {"255"}), 2, 0),
            (std::vector<uint8_t>{255, 0}));
  EXPECT_EQ(decode<int8_t>(generate_filler(operand("a", ir::DType::Int8, {1}, "explicit", {"-128"}), 1, 0)),
            std::vector<int8_t>{-128});
}

TEST(Filler, ConstantRepeatsOneValue) {
  EXPECT_EQ(decode<int16_t>(generate_filler(operand("c", ir::DType::Int16, {3}, "constant", {"-300"}), 3, 0)),
            (std::vector<int16_t>{-300, -300, -300}));
  EXPECT_EQ(decode<float>(generate_filler(operand("c", ir::DType::Float32, {}, "constant", {"0.25"}), 1, 0)),
            std::vector<float>{0.25f});
}

std::string filler_error(Operand o, int64_t count) {
  return input_error([&] { generate_filler(o, count, 0); });
}

TEST(Filler, ErrorsPointAtTheFiller) {
  EXPECT_THAT(filler_error(operand("a", ir::DType::Float32, {2}, "explicit", {"1", "2", "3"}), 2),
              HasSubstr("f.yaml:3:5: operand 'a': explicit filler has 3 args, but shape [2] holds "
                        "only 2 elements"));
  EXPECT_THAT(filler_error(operand("a", ir::DType::Float32, {2}, "constant", {}), 2),
              HasSubstr("f.yaml:3:5: operand 'a': filler 'constant' takes 1 arg (the value), got 0"));
  EXPECT_THAT(filler_error(operand("a", ir::DType::Float32, {2}, "gaussian", {"0"}), 2),
              HasSubstr("filler 'gaussian' takes 2 args (mean, stddev), got 1"));
  EXPECT_THAT(filler_error(operand("a", ir::DType::UInt8, {2}, "explicit", {"256"}), 2),
              HasSubstr("f.yaml:3:5: operand 'a': arg 0 '256' is out of range for UINT8 (0..255)"));
  EXPECT_THAT(filler_error(operand("a", ir::DType::Int8, {2}, "explicit", {"0", "-129"}), 2),
              HasSubstr("arg 1 '-129' is out of range for INT8 (-128..127)"));
  EXPECT_THAT(filler_error(operand("a", ir::DType::Int16, {1}, "constant", {"40000"}), 1),
              HasSubstr("arg 0 '40000' is out of range for INT16 (-32768..32767)"));
  EXPECT_THAT(filler_error(operand("a", ir::DType::Int32, {1}, "explicit", {"1.5"}), 1),
              HasSubstr("arg 0 '1.5' is not an integer (INT32 expects integers)"));
  EXPECT_THAT(filler_error(operand("a", ir::DType::Float32, {1}, "explicit", {"one"}), 1),
              HasSubstr("arg 0 'one' is not a FLOAT32 number"));
  EXPECT_THAT(filler_error(operand("a", ir::DType::Bool, {1}, "explicit", {"yes"}), 1),
              HasSubstr("arg 0 'yes' is not a BOOL"));
  EXPECT_THAT(filler_error(operand("a", ir::DType::Bool, {1}, "gaussian", {"0", "1"}), 1),
              HasSubstr("filler 'gaussian' is not available for BOOL"));
  EXPECT_THAT(filler_error(operand("a", ir::DType::Float32, {1}, "uniform", {"1", "0"}), 1),
              HasSubstr("min 1 is larger than max 0"));
  EXPECT_THAT(filler_error(operand("a", ir::DType::Int32, {1}, "uniform", {"0", "1.5"}), 1),
              HasSubstr("uniform bounds for INT32 must be integers"));
  EXPECT_THAT(filler_error(operand("a", ir::DType::Float32, {1}, "gaussian", {"0", "-1"}), 1),
              HasSubstr("stddev must be >= 0"));
  EXPECT_THAT(filler_error(operand("a", ir::DType::Float32, {1}, "random", {}), 1),
              HasSubstr("unknown filler tag 'random' (expected explicit, constant, gaussian or uniform)"));
}

TEST(Scalar, StrictParsingAndShortestFloats) {
  EXPECT_EQ(parse_int32("+12"), 12);
  EXPECT_FALSE(parse_int32("12abc"));
  EXPECT_FALSE(parse_int32("2147483648"));
  EXPECT_FALSE(parse_uint64("-1"));
  EXPECT_EQ(parse_float("1e-5"), 1e-5f);
  EXPECT_FALSE(parse_float(""));
  EXPECT_EQ(format_float(0.1f), "0.1");
  EXPECT_EQ(format_float(1e-5f), "1e-05");
  EXPECT_EQ(format_float(-3.336f), "-3.336");
  EXPECT_EQ(parse_float(format_float(0.0123f)), 0.0123f);
}

} // namespace
} // namespace qgold::recipe
