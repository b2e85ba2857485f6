#include "harness/golden/tolerances.h"

#include "harness/util/test_util.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace qgold::harness {
namespace {

using ::testing::HasSubstr;
using test_util::input_error;

TEST(Tolerances, OverridesAndDefaults) {
  Tolerances tolerances = parse_tolerances("float_atol: 1e-3\nzero_point_atol: 0\n", "t.yaml");
  EXPECT_EQ(tolerances.float_atol, 1e-3);
  EXPECT_EQ(tolerances.zero_point_atol, 0);
  EXPECT_EQ(tolerances.float_rtol, 1e-5); // ONE's default kept
  EXPECT_EQ(tolerances.quantized_int64_atol, 5);
  EXPECT_FALSE(tolerances.exact);
  EXPECT_TRUE(parse_tolerances("exact: true\n", "t.yaml").exact);
  EXPECT_THAT(input_error([] { parse_tolerances("float_atol: -1\n", "t.yaml"); }),
              HasSubstr("t.yaml:1:13: expected a finite number >= 0 for 'float_atol', got '-1'"));
  EXPECT_THAT(input_error([] { parse_tolerances("atol: 1\n", "t.yaml"); }),
              HasSubstr("t.yaml:1:1: unknown key 'atol'"));
}

} // namespace
} // namespace qgold::harness
