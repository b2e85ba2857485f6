#include "recipe/text_proto.h"
#include "recipe/test_util.h"

#include <gtest/gtest.h>

namespace qgold::recipe {
namespace {

using test_support::input_error;
using ::testing::HasSubstr;
using Kind = TextField::Kind;

TEST(TextProto, FieldsMessagesAndLocations) {
  auto fields = parse_text_proto("# header comment\n"
                                 "name: \"n\" # trailing\n"
                                 "operand {\n"
                                 "  shape { dim: 1 dim: 4 }\n"
                                 "  type: FLOAT32\n"
                                 "}\n",
                                 "t.recipe");
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].name, "name");
  EXPECT_EQ(fields[0].kind, Kind::String);
  EXPECT_EQ(fields[0].value, "n");
  EXPECT_EQ(fields[0].line, 2);
  EXPECT_EQ(fields[0].column, 1);
  EXPECT_EQ(fields[0].value_column, 7);
  const TextField &operand = fields[1];
  EXPECT_EQ(operand.kind, Kind::Message);
  EXPECT_EQ(operand.line, 3);
  ASSERT_EQ(operand.fields.size(), 2u);
  const TextField &shape = operand.fields[0];
  ASSERT_EQ(shape.fields.size(), 2u);
  EXPECT_EQ(shape.fields[1].kind, Kind::Number);
  EXPECT_EQ(shape.fields[1].value, "4");
  EXPECT_EQ(shape.fields[1].line, 4);
  EXPECT_EQ(shape.fields[1].column, 18);
  EXPECT_EQ(operand.fields[1].kind, Kind::Identifier);
  EXPECT_EQ(operand.fields[1].value, "FLOAT32");
}

TEST(TextProto, NumbersStringsAndAlternativeSyntax) {
  auto fields = parse_text_proto("a: -1.5e-3 b: -7 c: 2E+4 d: -inf\n"
                                 "s: 'it\\'s' t: \"q\\\"\\n\\x41\\101\" u: \"a\" \"b\"\n"
                                 "m: < x: 1 >, l: [1, -2, 3]; n: { }\n",
                                 "t.recipe");
  ASSERT_EQ(fields.size(), 12u);
  EXPECT_EQ(fields[0].value, "-1.5e-3");
  EXPECT_EQ(fields[1].value, "-7");
  EXPECT_EQ(fields[2].value, "2E+4");
  EXPECT_EQ(fields[3].kind, Kind::Number);
  EXPECT_EQ(fields[3].value, "-inf");
  EXPECT_EQ(fields[4].value, "it's");
  EXPECT_EQ(fields[5].value, "q\"\nAA");
  EXPECT_EQ(fields[6].value, "ab");
  EXPECT_EQ(fields[7].kind, Kind::Message);
  EXPECT_EQ(fields[7].fields.at(0).value, "1");
  for (int i = 8; i < 11; ++i)
    EXPECT_EQ(fields[i].name, "l");
  EXPECT_EQ(fields[9].value, "-2");
  EXPECT_EQ(fields[9].value_column, 21);
  EXPECT_EQ(fields[11].kind, Kind::Message);
  EXPECT_TRUE(fields[11].fields.empty());
}

std::string proto_error(const std::string &text) {
  return input_error([&] { parse_text_proto(text, "e.recipe"); });
}

TEST(TextProto, SyntaxErrorsHaveLocations) {
  EXPECT_THAT(proto_error("a {\n  b: 1\n"), HasSubstr("e.recipe:3:1: expected '}' before end of file"));
  EXPECT_THAT(proto_error("a: \"open\n"), HasSubstr("e.recipe:1:4: unterminated string literal"));
  EXPECT_THAT(proto_error("a 1"), HasSubstr("e.recipe:1:3: expected ':' or '{' after field 'a', got '1'"));
  EXPECT_THAT(proto_error("a: }"), HasSubstr("e.recipe:1:4: expected a value for field 'a', got '}'"));
  EXPECT_THAT(proto_error("x: 1\n  @"), HasSubstr("e.recipe:2:3: unexpected character '@'"));
  EXPECT_THAT(proto_error("}"), HasSubstr("e.recipe:1:1: expected a field name, got '}'"));
  EXPECT_THAT(proto_error("a: \"\\q\""), HasSubstr("e.recipe:1:5: unknown escape '\\q'"));
  EXPECT_THAT(proto_error("l: [1 2]"), HasSubstr("e.recipe:1:7: expected ',' or ']' in the list of 'l'"));
}

TEST(TextProto, DeepNestingIsAnErrorNotAStackOverflow) {
  std::string text;
  for (int i = 0; i < 100000; ++i)
    text += "a {";
  EXPECT_THAT(proto_error(text), HasSubstr("nested deeper than 64 levels"));
}

} // namespace
} // namespace qgold::recipe
