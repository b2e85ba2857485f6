// Every class of bad recipe gets an InputError naming the file, line and
// column and what was wrong (docs/errors.md quotes these messages).
#include "recipe/recipe.h"
#include "recipe/test_util.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

namespace qgold::recipe {
namespace {

using test_support::input_error;
using test_support::unsupported_error;
using ::testing::HasSubstr;

std::string yaml_error(const std::string &text) {
  return input_error([&] { build_model(parse_yaml_recipe(text, "r.yaml")); });
}
std::string chef_error(const std::string &text) {
  return input_error([&] { build_model(parse_tflchef_recipe(text, "r.recipe")); });
}

// Sets QGOLD_MAX_CONSTANT_BYTES for one test and restores it after.
class ConstantLimit {
public:
  explicit ConstantLimit(const char *value) {
    if (const char *old = std::getenv(kName))
      old_ = old;
    setenv(kName, value, 1);
  }
  ~ConstantLimit() {
    if (old_)
      setenv(kName, old_->c_str(), 1);
    else
      unsetenv(kName);
  }

private:
  static constexpr const char *kName = "QGOLD_MAX_CONSTANT_BYTES";
  std::optional<std::string> old_;
};

TEST(RecipeErrors, MalformedYamlNamesLineAndColumn) {
  EXPECT_THAT(yaml_error("operands:\n  - name: a\n    shape: [1, 2\n"),
              HasSubstr("r.yaml:4:1: invalid YAML: end of sequence flow not found"));
  EXPECT_THAT(yaml_error("operands: {a: [}\n"),
              HasSubstr("r.yaml:1:16: invalid YAML: illegal flow end"));
}

TEST(RecipeErrors, MalformedTflchefTextNamesLineAndColumn) {
  // Syntax errors are libprotobuf TextFormat's, with the place it found them.
  EXPECT_THAT(chef_error("operand {\n  name: \"a\"\n  type FLOAT32\n}\n"),
              HasSubstr("r.recipe:3:8: Expected \":\", found \"FLOAT32\"."));
  EXPECT_THAT(chef_error("operand { name: \"a\" "),
              HasSubstr("r.recipe:1:21: Expected identifier, got: "));
}

TEST(RecipeErrors, UnknownOpOptionAndFiller) {
  EXPECT_THAT(chef_error(R"(operand { name: "a" type: FLOAT32 shape { dim: 1 } }
operand { name: "b" type: FLOAT32 shape { dim: 1 } }
operation { type: "Frobnicate" input: "a" output: "b" }
)"),
              HasSubstr("r.recipe:3:13: operation type 'Frobnicate' is not "
                        "supported by qgold (supported: "));
  EXPECT_THAT(chef_error(R"(operand { name: "a" type: FLOAT32 shape { dim: 1 } }
operand { name: "b" type: FLOAT32 shape { dim: 1 } }
operation { type: "Add" add_options { activation: NONE, spin: 3 } input: "a" input: "a" output: "b" }
)"),
              HasSubstr("r.recipe:3:61: Message type \"tflchef.ActivationOptions\" has no field "
                        "named \"spin\"."));
  EXPECT_THAT(chef_error(R"(operand { name: "a" type: FLOAT32 shape { dim: 1 }
  filler { tag: "sparkle" arg: "1" } }
)"),
              HasSubstr("r.recipe:2:3: filler tag 'sparkle' is not a tflchef filler "
                        "(expected constant, explicit or gaussian)"));
  EXPECT_THAT(chef_error(R"(operand { name: "a" type: FLOAT32 shape { dim: 1 }
  filler { tag: "uniform" arg: "0" arg: "1" } }
)"),
              HasSubstr("r.recipe:2:3: filler tag 'uniform' is not a tflchef filler (expected "
                        "constant, explicit or gaussian); qgold's YAML recipes also have 'uniform'"));
  EXPECT_THAT(yaml_error(R"(operands:
  - {name: a, type: FLOAT32, shape: [1]}
  - {name: b, type: FLOAT32, shape: [1]}
operations:
  - {type: Relu, inputs: [a], outputs: [b], options: {alpha: 1}}
)"),
              HasSubstr("r.yaml:5:12: unknown operation type 'Relu' (expected one of: "));
}

TEST(RecipeErrors, DanglingAndDuplicateTensorNames) {
  EXPECT_THAT(chef_error(R"(operand { name: "a" type: FLOAT32 shape { dim: 1 } }
operation { type: "ReLU" input: "a" output: "nowhere" }
)"),
              HasSubstr("r.recipe:2:1: ReLU (op 0) output 'nowhere' is not a "
                        "declared operand"));
  EXPECT_THAT(chef_error(R"(operand { name: "a" type: FLOAT32 shape { dim: 1 } }
operand { name: "a" type: FLOAT32 shape { dim: 2 } }
)"),
              HasSubstr("r.recipe:2:1: duplicate operand name 'a' (first "
                        "defined at r.recipe:1:1)"));
  EXPECT_THAT(chef_error(R"(operand { name: "a" type: FLOAT32 shape { dim: 1 } }
input: "a"
output: "b"
)"),
              HasSubstr("r.recipe: graph output 'b' is not a declared operand"));
}

TEST(RecipeErrors, GraphCycle) {
  EXPECT_THAT(chef_error(R"(operand { name: "a" type: FLOAT32 shape { dim: 1 } }
operand { name: "b" type: FLOAT32 shape { dim: 1 } }
operation { type: "ReLU" input: "b" output: "a" }
operation { type: "ReLU" input: "a" output: "b" }
)"),
              HasSubstr("r.recipe:3:1: ReLU (op 0): input 0 'b' (tensor 1) is "
                        "read before it is "
                        "produced by ReLU (op 1): the graph is not in "
                        "execution order or has a cycle"));
}

TEST(RecipeErrors, OperandShapesInconsistentWithTheOp) {
  EXPECT_THAT(chef_error(R"(operand { name: "a" type: FLOAT32 shape { dim: 2 dim: 3 } }
operand { name: "b" type: FLOAT32 shape { dim: 4 } }
operand { name: "c" type: FLOAT32 shape { dim: 2 dim: 3 } }
operation { type: "Add" input: "a" input: "b" output: "c" }
input: "a"
input: "b"
)"),
              HasSubstr("r.recipe:4:1: Add (op 0): shapes [2,3] ('a') and [4] ('b') "
                        "cannot be broadcast"));
  EXPECT_THAT(chef_error(R"(operand { name: "a" type: FLOAT32 shape { dim: 2 dim: 3 } }
operand { name: "c" type: FLOAT32 shape { dim: 3 dim: 2 } }
operation { type: "ReLU" input: "a" output: "c" }
input: "a"
)"),
              HasSubstr("r.recipe:3:1: ReLU (op 0): output 'c' (tensor 1) is declared "
                        "with shape "
                        "[3,2], but the inputs give [2,3]"));
}

constexpr const char *kTwoConstants =
    R"(operand { name: "k1" type: FLOAT32 shape { dim: 1024 }
  filler { tag: "constant" arg: "1" } }
operand { name: "k2" type: FLOAT32 shape { dim: 1024 }
  filler { tag: "constant" arg: "1" } }
output: "k1"
)";

TEST(RecipeErrors, ConstantsOverTheMemoryLimitAreRefusedBeforeAllocating) {
  {
    // 8 KiB of constants: fits 8192 bytes exactly, not 8191.
    ConstantLimit limit("8192");
    EXPECT_NO_THROW(build_model(parse_tflchef_recipe(kTwoConstants, "r.recipe")));
  }
  {
    ConstantLimit limit("8191");
    EXPECT_THAT(chef_error(kTwoConstants),
                HasSubstr("r.recipe:3:1: the recipe's constants exceed the limit of 8191 "
                          "bytes "
                          "at operand 'k2' (set QGOLD_MAX_CONSTANT_BYTES to raise it)"));
  }
  {
    // One operand alone over the limit; 4 TiB would not even be allocatable.
    ConstantLimit limit("4096");
    EXPECT_THAT(chef_error(
                    R"(operand { name: "k" type: FLOAT32 shape { dim: 1048576 dim: 1048576 }
  filler { tag: "gaussian" arg: "0" arg: "1" } }
)"),
                HasSubstr("r.recipe:1:1: operand 'k' shape [1048576,1048576] is too "
                          "large to fill "
                          "(limit 4096 bytes"));
  }
  // The default (2 GiB) refuses 3 x 1 GiB.
  EXPECT_THAT(
      chef_error(
          R"(operand { name: "a" type: UINT8 shape { dim: 1073741824 } filler { tag: "constant" arg: "1" } }
operand { name: "b" type: UINT8 shape { dim: 1073741824 } filler { tag: "constant" arg: "1" } }
operand { name: "c" type: UINT8 shape { dim: 1073741824 } filler { tag: "constant" arg: "1" } }
)"),
      HasSubstr("r.recipe:3:1: the recipe's constants exceed the limit of 2147483648 "
                "bytes at operand 'c'"));
}

TEST(RecipeErrors, BadMemoryLimitSetting) {
  ConstantLimit limit("lots");
  EXPECT_THAT(chef_error(kTwoConstants),
              HasSubstr("QGOLD_MAX_CONSTANT_BYTES='lots': expected a positive "
                        "number of bytes"));
}

TEST(RecipeErrors, EmptyRecipeHasNoOutputs) {
  EXPECT_THAT(chef_error(""), HasSubstr("r.recipe: the recipe declares no graph outputs"));
  EXPECT_THAT(yaml_error("operands: []\noperations: []\ninputs: []\noutputs: []\n"), HasSubstr("the recipe declares no graph outputs"));
}

TEST(RecipeErrors, TabIndentationIsNamed) {
  EXPECT_THAT(yaml_error("name: t\noperands:\n\t- {name: a, type: FLOAT32, shape: [1]}\n"),
              HasSubstr("r.yaml:3:2: invalid YAML: illegal block entry (this line is indented "
                        "with a tab; YAML indentation must be spaces)"));
}

} // namespace
} // namespace qgold::recipe
