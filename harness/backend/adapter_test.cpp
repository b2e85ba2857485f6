#include "harness/backend/adapter.h"

#include "harness/util/test_util.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace qgold::harness {
namespace {

using ::testing::HasSubstr;
using test_util::input_error;

TEST(Adapter, ExpandsPlaceholdersAndDropsOptionalGroups) {
  Adapter adapter = parse_adapter(R"(steps:
  quantization:
    - [tool, "{input_model}", "--out={output_model}", [--config, "{config}"], "{{x}}"]
)",
                                  "a.yaml");
  ASSERT_EQ(adapter.steps.at(Step::Quantization).size(), 1u);
  const AdapterCommand &command = adapter.steps.at(Step::Quantization)[0];
  std::map<std::string, std::string> values = {{"input_model", "in 1.circle"},
                                               {"output_model", "o.circle"}};
  EXPECT_EQ(expand_command(command, values, "here"),
            (std::vector<std::string>{"tool", "in 1.circle", "--out=o.circle", "{x}"}));
  values["config"] = "q.json";
  EXPECT_EQ(expand_command(command, values, "here"),
            (std::vector<std::string>{"tool", "in 1.circle", "--out=o.circle", "--config",
                                      "q.json", "{x}"}));
  values.erase("input_model");
  EXPECT_THAT(input_error([&] { expand_command(command, values, "here"); }),
              HasSubstr("here: placeholder {input_model} has no value here"));
}

TEST(Adapter, RejectsMalformedFiles) {
  EXPECT_THAT(input_error([] { parse_adapter("steps:\n  quantize:\n    - [x]\n", "a.yaml"); }),
              HasSubstr("a.yaml:2:3: unknown step 'quantize'"));
  EXPECT_THAT(input_error([] {
                parse_adapter("steps:\n  quantization:\n    - [x, \"{model}\"]\n", "a.yaml");
              }),
              HasSubstr("a.yaml:3:11: unknown placeholder {model}"));
  EXPECT_THAT(input_error([] {
                parse_adapter("steps:\n  quantization:\n    - [x, \"{dtype\"]\n", "a.yaml");
              }),
              HasSubstr("unclosed '{'"));
  EXPECT_THAT(input_error([] { parse_adapter("format: onnx\nsteps: {}\n", "a.yaml"); }),
              HasSubstr("a.yaml:1:9: unknown format 'onnx'"));
  EXPECT_THAT(input_error([] { parse_adapter("steps:\n  quantization: []\n", "a.yaml"); }),
              HasSubstr("expected a list of commands for step 'quantization'"));
}

} // namespace
} // namespace qgold::harness
