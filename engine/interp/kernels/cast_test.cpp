#include "interp/kernels/cast.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace qgold::interp::kernels {
namespace {

// Runs the cast over 8-byte slots (wide enough for every dtype, and unlike
// std::vector<bool> addressable as bool).
template <typename To, typename From>
std::vector<To> run(ir::DType from, ir::DType to, const std::vector<From> &input) {
  const size_t n = input.size();
  std::vector<uint64_t> in_storage(n), out_storage(n);
  std::copy(input.begin(), input.end(), reinterpret_cast<From *>(in_storage.data()));
  cast({from, to}, {static_cast<int32_t>(n)}, in_storage.data(), out_storage.data());
  const To *out = reinterpret_cast<const To *>(out_storage.data());
  return std::vector<To>(out, out + n);
}

using ir::DType;
constexpr int32_t kInt32Min = std::numeric_limits<int32_t>::min();

TEST(CastTest, FloatToInt32TruncatesTowardZero) {
  EXPECT_EQ(
      (run<int32_t, float>(DType::Float32, DType::Int32, {1.9f, -1.9f, -0.5f, 2147483520.0f})),
      (std::vector<int32_t>{1, -1, 0, 2147483520}));
}

TEST(CastTest, FloatOutsideInt32OrNanGivesInt32MinAsOnX86) {
  EXPECT_EQ((run<int32_t, float>(DType::Float32, DType::Int32,
                                 {2147483648.0f, -2147483648.0f, -3e9f, NAN, INFINITY})),
            (std::vector<int32_t>{kInt32Min, kInt32Min, kInt32Min, kInt32Min, kInt32Min}));
}

TEST(CastTest, FloatToNarrowIntegersKeepsTheLowBitsOfTheInt32) {
  // 300 -> 0x12C -> 0x2C; -1 -> 0xFFFFFFFF -> 0xFF; 40000 -> 0x9C40 -> -25536.
  EXPECT_EQ((run<uint8_t, float>(DType::Float32, DType::UInt8, {300.0f, -1.0f, 255.9f, 3e9f})),
            (std::vector<uint8_t>{44, 255, 255, 0}));
  EXPECT_EQ((run<int16_t, float>(DType::Float32, DType::Int16, {40000.0f, -7.5f})),
            (std::vector<int16_t>{-25536, -7}));
  EXPECT_EQ((run<int8_t, float>(DType::Float32, DType::Int8, {200.0f, -128.0f})),
            (std::vector<int8_t>{-56, -128}));
}

TEST(CastTest, FloatToInt64UsesTheInt64Range) {
  const int64_t min = std::numeric_limits<int64_t>::min();
  EXPECT_EQ((run<int64_t, float>(DType::Float32, DType::Int64, {3e9f, -2.5f, 1e19f, NAN})),
            (std::vector<int64_t>{3000000000, -2, min, min}));
}

TEST(CastTest, ToBoolIsNonZeroAndNanIsTrue) {
  EXPECT_EQ((run<bool, float>(DType::Float32, DType::Bool, {0.0f, -0.0f, 0.5f, NAN})),
            (std::vector<bool>{false, false, true, true}));
  EXPECT_EQ((run<bool, int64_t>(DType::Int64, DType::Bool, {0, int64_t{1} << 40})),
            (std::vector<bool>{false, true}));
}

TEST(CastTest, BoolToNumbersIsZeroOrOne) {
  EXPECT_EQ((run<float, bool>(DType::Bool, DType::Float32, {true, false})),
            (std::vector<float>{1.0f, 0.0f}));
  EXPECT_EQ((run<int32_t, bool>(DType::Bool, DType::Int32, {true, false})),
            (std::vector<int32_t>{1, 0}));
}

TEST(CastTest, IntegersNarrowModuloAndWidenToFloatRounding) {
  EXPECT_EQ((run<int32_t, int64_t>(DType::Int64, DType::Int32, {(int64_t{1} << 32) + 5, -1})),
            (std::vector<int32_t>{5, -1}));
  EXPECT_EQ((run<float, int32_t>(DType::Int32, DType::Float32, {16777217, -3})),
            (std::vector<float>{16777216.0f, -3.0f})); // 2^24 + 1 rounds to even
  EXPECT_EQ((run<uint8_t, int8_t>(DType::Int8, DType::UInt8, {-1, 5})),
            (std::vector<uint8_t>{255, 5}));
  EXPECT_EQ((run<int64_t, uint8_t>(DType::UInt8, DType::Int64, {200})),
            (std::vector<int64_t>{200}));
  EXPECT_EQ((run<float, int16_t>(DType::Int16, DType::Float32, {-32768})),
            (std::vector<float>{-32768.0f}));
}

TEST(CastTest, FloatToFloatCopies) {
  EXPECT_EQ((run<float, float>(DType::Float32, DType::Float32, {1.5f, -0.0f})),
            (std::vector<float>{1.5f, -0.0f}));
}

} // namespace
} // namespace qgold::interp::kernels
