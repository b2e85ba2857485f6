#include "recipe/text_proto.h"

#include "ir/error.h"

#include <fmt/format.h>

#include <cctype>

namespace qgold::recipe {
namespace {

struct Token {
  enum class Kind { Identifier, Number, String, Symbol, End };
  Kind kind = Kind::End;
  std::string text; // unescaped for strings
  int line = 1, column = 1;
};

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

class Tokenizer {
public:
  Tokenizer(const std::string &text, const std::string &file) : text_(text), file_(file) {}

  Token next() {
    skip_space_and_comments();
    Token token;
    token.line = line_;
    token.column = column_;
    if (pos_ >= text_.size())
      return token;
    char c = text_[pos_];
    if (c == '"' || c == '\'') {
      token.kind = Token::Kind::String;
      token.text = string_literal();
    } else if (is_digit(c) || ((c == '-' || c == '.') && pos_ + 1 < text_.size() &&
                               (is_digit(text_[pos_ + 1]) || text_[pos_ + 1] == '.'))) {
      token.kind = Token::Kind::Number;
      token.text = number();
    } else if (c == '-' && pos_ + 1 < text_.size() && is_ident_start(text_[pos_ + 1])) {
      // "-inf" / "-nan": a signed identifier is only meaningful as a float.
      advance();
      token.kind = Token::Kind::Number;
      token.text = "-" + identifier();
    } else if (is_ident_start(c)) {
      token.kind = Token::Kind::Identifier;
      token.text = identifier();
    } else if (std::string_view("{}<>[]:,;").find(c) != std::string_view::npos) {
      token.kind = Token::Kind::Symbol;
      token.text = std::string(1, c);
      advance();
    } else {
      fail(line_, column_, fmt::format("unexpected character '{}'", printable(c)));
    }
    return token;
  }

  [[noreturn]] void fail(int line, int column, const std::string &message) const {
    throw InputError(fmt::format("{}:{}:{}: {}", file_, line, column, message));
  }

private:
  static std::string printable(char c) {
    unsigned char byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte < 0x7f ? std::string(1, c) : fmt::format("\\x{:02x}", byte);
  }

  void advance() {
    if (text_[pos_] == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    ++pos_;
  }

  void skip_space_and_comments() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '#') {
        while (pos_ < text_.size() && text_[pos_] != '\n')
          advance();
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        advance();
      } else {
        return;
      }
    }
  }

  std::string identifier() {
    size_t start = pos_;
    while (pos_ < text_.size() && is_ident_char(text_[pos_]))
      advance();
    return text_.substr(start, pos_ - start);
  }

  // Digits, dots, letters (exponent, hex, 'f' suffix) and an exponent sign;
  // the consumer checks that the text is a number of the expected kind.
  std::string number() {
    size_t start = pos_;
    advance();
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      char prev = text_[pos_ - 1];
      bool exponent_sign = (c == '-' || c == '+') && (prev == 'e' || prev == 'E') &&
                           !(text_.compare(start, 2, "0x") == 0);
      if (!(is_ident_char(c) || c == '.' || exponent_sign))
        break;
      advance();
    }
    return text_.substr(start, pos_ - start);
  }

  std::string string_literal() {
    int line = line_, column = column_;
    char quote = text_[pos_];
    advance();
    std::string out;
    while (true) {
      if (pos_ >= text_.size() || text_[pos_] == '\n')
        fail(line, column, "unterminated string literal");
      char c = text_[pos_];
      if (c == quote) {
        advance();
        return out;
      }
      if (c != '\\') {
        out += c;
        advance();
        continue;
      }
      int escape_line = line_, escape_column = column_;
      advance();
      if (pos_ >= text_.size())
        fail(line, column, "unterminated string literal");
      char e = text_[pos_];
      advance();
      switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case '\\': case '\'': case '"': case '?': out += e; break;
      case 'x': {
        int value = 0, count = 0;
        while (count < 2 && pos_ < text_.size() &&
               std::isxdigit(static_cast<unsigned char>(text_[pos_]))) {
          char h = static_cast<char>(std::tolower(static_cast<unsigned char>(text_[pos_])));
          value = value * 16 + (is_digit(h) ? h - '0' : h - 'a' + 10);
          advance();
          ++count;
        }
        if (count == 0)
          fail(escape_line, escape_column, "\\x escape needs hex digits");
        out += static_cast<char>(value);
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          int value = e - '0', count = 1;
          while (count < 3 && pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '7') {
            value = value * 8 + (text_[pos_] - '0');
            advance();
            ++count;
          }
          if (value > 0xff)
            fail(escape_line, escape_column, "octal escape is larger than one byte");
          out += static_cast<char>(value);
        } else {
          fail(escape_line, escape_column, fmt::format("unknown escape '\\{}'", printable(e)));
        }
      }
    }
  }

  const std::string &text_;
  const std::string &file_;
  size_t pos_ = 0;
  int line_ = 1, column_ = 1;
};

// message := field* ; field := name (':' value | ':'? block) (',' | ';')?
// value := scalar | '[' scalar (',' scalar)* ']' ; block := '{' message '}' | '<' message '>'
class Parser {
public:
  Parser(const std::string &text, const std::string &file) : tokens_(text, file) { shift(); }

  std::vector<TextField> parse() {
    std::vector<TextField> fields = message("");
    if (current_.kind != Token::Kind::End)
      fail(current_, fmt::format("unexpected '{}' at the top level", current_.text));
    return fields;
  }

private:
  [[noreturn]] void fail(const Token &at, const std::string &message) const {
    tokens_.fail(at.line, at.column, message);
  }

  void shift() { current_ = tokens_.next(); }
  bool at_symbol(std::string_view symbol) const {
    return current_.kind == Token::Kind::Symbol && current_.text == symbol;
  }

  static std::string describe(const Token &token) {
    return token.kind == Token::Kind::End ? "end of file" : fmt::format("'{}'", token.text);
  }

  // Fields until `close` ("" = end of file).
  std::vector<TextField> message(std::string_view close) {
    std::vector<TextField> fields;
    while (true) {
      if (close.empty() ? current_.kind == Token::Kind::End : at_symbol(close))
        return fields;
      if (current_.kind == Token::Kind::End)
        fail(current_, fmt::format("expected '{}' before end of file", close));
      if (current_.kind != Token::Kind::Identifier)
        fail(current_, fmt::format("expected a field name, got {}", describe(current_)));
      field(fields);
      if (at_symbol(",") || at_symbol(";"))
        shift();
    }
  }

  void field(std::vector<TextField> &fields) {
    TextField field;
    field.name = current_.text;
    field.line = current_.line;
    field.column = current_.column;
    shift();
    bool colon = at_symbol(":");
    if (colon)
      shift();
    if (at_symbol("{") || at_symbol("<")) {
      std::string close = at_symbol("{") ? "}" : ">";
      field.kind = TextField::Kind::Message;
      field.value_line = current_.line;
      field.value_column = current_.column;
      if (++depth_ > kMaxDepth)
        fail(current_, fmt::format("messages are nested deeper than {} levels", kMaxDepth));
      shift();
      field.fields = message(close);
      --depth_;
      shift();
      fields.push_back(std::move(field));
      return;
    }
    if (!colon)
      fail(current_, fmt::format("expected ':' or '{{' after field '{}', got {}", field.name,
                                 describe(current_)));
    if (!at_symbol("[")) {
      scalar(field);
      fields.push_back(std::move(field));
      return;
    }
    shift(); // '[': a list of scalars is the same field repeated
    while (!at_symbol("]")) {
      TextField element = field;
      scalar(element);
      fields.push_back(std::move(element));
      if (at_symbol(","))
        shift();
      else if (!at_symbol("]"))
        fail(current_, fmt::format("expected ',' or ']' in the list of '{}', got {}", field.name,
                                   describe(current_)));
    }
    shift();
  }

  void scalar(TextField &field) {
    field.value_line = current_.line;
    field.value_column = current_.column;
    switch (current_.kind) {
    case Token::Kind::String:
      field.kind = TextField::Kind::String;
      field.value = current_.text;
      shift();
      while (current_.kind == Token::Kind::String) { // adjacent literals concatenate
        field.value += current_.text;
        shift();
      }
      return;
    case Token::Kind::Identifier:
      field.kind = TextField::Kind::Identifier;
      break;
    case Token::Kind::Number:
      field.kind = TextField::Kind::Number;
      break;
    default:
      fail(current_, fmt::format("expected a value for field '{}', got {}", field.name,
                                 describe(current_)));
    }
    field.value = current_.text;
    shift();
  }

  // Recipes nest three levels; the limit keeps hostile input from exhausting the stack.
  static constexpr int kMaxDepth = 64;

  Tokenizer tokens_;
  Token current_;
  int depth_ = 0;
};

} // namespace

std::vector<TextField> parse_text_proto(const std::string &text, const std::string &file) {
  return Parser(text, file).parse();
}

} // namespace qgold::recipe
