#pragma once

// A generic reader for the protobuf text format subset used by tflchef and
// circlechef recipes: it yields a tree of named fields with their line:column
// and knows nothing about the recipe schema (tflchef_parser.cpp maps it).

#include <string>
#include <vector>

namespace qgold::recipe {

struct TextField {
  enum class Kind { String, Identifier, Number, Message };
  std::string name;
  int line = 0, column = 0;             // of the field name
  Kind kind = Kind::String;
  std::string value;                    // unescaped string, identifier or number text
  int value_line = 0, value_column = 0; // of the value
  std::vector<TextField> fields;        // children when kind == Message
};

// Parses `text` into the top-level fields. Syntax errors are InputError
// "file:line:column: ...".
std::vector<TextField> parse_text_proto(const std::string &text, const std::string &file);

} // namespace qgold::recipe
