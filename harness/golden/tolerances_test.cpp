#include "harness/golden/tolerances.h"

#include "harness/util/test_util.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace qgold::harness {
namespace {

using test_util::input_error;
using ::testing::HasSubstr;

TEST(Tolerances, OverridesAndDefaults) {
  Tolerances tolerances = parse_tolerances("float_atol: 1e-3\nzero_point_atol: 0\n", "t.yaml");
  EXPECT_EQ(tolerances.float_atol, 1e-3);
  EXPECT_EQ(tolerances.zero_point_atol, 0);
  EXPECT_EQ(tolerances.float_rtol, 1e-5); // the default kept
  EXPECT_EQ(tolerances.quantized_int64_atol, 5);
  EXPECT_FALSE(tolerances.exact);
  EXPECT_TRUE(parse_tolerances("exact: true\n", "t.yaml").exact);
  EXPECT_THAT(input_error([] { parse_tolerances("float_atol: -1\n", "t.yaml"); }),
              HasSubstr("t.yaml:1:13: expected a finite number >= 0 for 'float_atol', got '-1'"));
  EXPECT_THAT(input_error([] { parse_tolerances("atol: 1\n", "t.yaml"); }),
              HasSubstr("t.yaml:1:1: unknown key 'atol'"));
  EXPECT_THAT(input_error([] { parse_tolerances("float_rule: close\n", "t.yaml"); }),
              HasSubstr("t.yaml:1:13: expected steps or allclose for 'float_rule'"));
}

// qgold's policy by default, ONE's allclose for suite.tsv suites; a file
// overrides single keys of the policy it is given.
TEST(Tolerances, PoliciesAndOverridesOfThem) {
  Tolerances qgold;
  EXPECT_EQ(qgold.float_rule, Tolerances::FloatRule::Steps);
  EXPECT_EQ(qgold.scale_rtol, 1e-6);
  EXPECT_EQ(qgold.step_atol, 0.03);
  EXPECT_EQ(qgold.scale_relative(), 1e-6);
  Tolerances one = Tolerances::one_allclose();
  EXPECT_EQ(one.float_rule, Tolerances::FloatRule::Allclose);
  EXPECT_EQ(one.scale_relative(), 1e-5);
  Tolerances relaxed = parse_tolerances("step_atol: 0.1\n", "t.yaml", one);
  EXPECT_EQ(relaxed.float_rule, Tolerances::FloatRule::Allclose);
  EXPECT_EQ(relaxed.step_atol, 0.1);
  EXPECT_EQ(parse_tolerances("float_rule: allclose\n", "t.yaml").float_rule,
            Tolerances::FloatRule::Allclose);
  EXPECT_EQ(describe_tolerances(qgold),
            "float_rule=steps scale_rtol=1e-06 step_atol=0.03 float_rtol=1e-05 float_atol=1e-05 "
            "zero_point_atol=1 quantized_atol=1 quantized_int64_atol=5 inference_atol=0 exact=false");
  EXPECT_EQ(tolerances_json(one)["float_rule"], "allclose");
  EXPECT_EQ(tolerances_json(one)["scale_rtol"], 1e-6);
}

} // namespace
} // namespace qgold::harness
