#include "data/npy.h"

#include "data/spec_util.h"
#include "ir/error.h"

#include <array>
#include <cctype>
#include <fstream>
#include <optional>
#include <string_view>

namespace qgold::data {
namespace {

constexpr std::string_view kMagic = "\x93NUMPY";
// numpy keeps headers small; anything larger is not a header.
constexpr uint32_t kMaxHeaderBytes = 1u << 20;

struct DescrType {
  char kind;
  int size;
  ir::DType dtype;
};

constexpr std::array kDescrTypes = {
    DescrType{'f', 4, ir::DType::Float32}, DescrType{'f', 8, ir::DType::Float64},
    DescrType{'f', 2, ir::DType::Float16}, DescrType{'i', 1, ir::DType::Int8},
    DescrType{'i', 2, ir::DType::Int16},   DescrType{'i', 4, ir::DType::Int32},
    DescrType{'i', 8, ir::DType::Int64},   DescrType{'u', 1, ir::DType::UInt8},
    DescrType{'b', 1, ir::DType::Bool},
};

// Recursive-descent parser for the header dict, e.g.
// {'descr': '<f4', 'fortran_order': False, 'shape': (1, 4, 3, 2), }
class HeaderParser {
public:
  HeaderParser(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {}

  NpyHeader parse() {
    NpyHeader header;
    bool seen_descr = false, seen_order = false, seen_shape = false;
    expect('{');
    while (true) {
      skip_blanks();
      if (peek() == '}')
        break;
      const std::string key = parse_string();
      expect(':');
      if (key == "descr") {
        mark_seen(seen_descr, key);
        header.descr = parse_string();
      } else if (key == "fortran_order") {
        mark_seen(seen_order, key);
        if (parse_bool())
          throw UnsupportedError(file_ + ": fortran_order arrays are not supported; save a "
                                         "C-order array (np.ascontiguousarray)");
      } else if (key == "shape") {
        mark_seen(seen_shape, key);
        header.shape = parse_shape();
      } else {
        error("unknown key '" + key + "'");
      }
      skip_blanks();
      if (peek() == ',')
        ++pos_;
      else if (peek() != '}')
        error("expected ',' or '}'");
    }
    ++pos_;
    skip_blanks();
    if (pos_ != text_.size())
      error("unexpected text after '}'");
    if (!seen_descr || !seen_order || !seen_shape)
      error("missing key '" +
            std::string(!seen_descr   ? "descr"
                        : !seen_order ? "fortran_order"
                                      : "shape") +
            "'");
    return header;
  }

private:
  [[noreturn]] void error(const std::string &what) const {
    throw InputError(file_ + ": bad .npy header at character " + std::to_string(pos_ + 1) + ": " +
                     what + " in \"" + std::string(text_.substr(0, 200)) + "\"");
  }

  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

  void skip_blanks() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                   text_[pos_] == '\t' || text_[pos_] == '\r'))
      ++pos_;
  }

  void expect(char c) {
    skip_blanks();
    if (peek() != c)
      error(std::string("expected '") + c + "'");
    ++pos_;
  }

  void mark_seen(bool &seen, const std::string &key) {
    if (seen)
      error("duplicate key '" + key + "'");
    seen = true;
  }

  std::string parse_string() {
    skip_blanks();
    const char quote = peek();
    if (quote != '\'' && quote != '"')
      error("expected a quoted string");
    const size_t end = text_.find(quote, pos_ + 1);
    if (end == std::string_view::npos)
      error("unterminated string");
    std::string value(text_.substr(pos_ + 1, end - pos_ - 1));
    if (value.find('\\') != std::string::npos)
      error("escape sequences are not supported");
    pos_ = end + 1;
    return value;
  }

  bool parse_bool() {
    skip_blanks();
    for (const auto &[word, value] :
         {std::pair{std::string_view("True"), true}, std::pair{std::string_view("False"), false}})
      if (text_.substr(pos_, word.size()) == word) {
        pos_ += word.size();
        return value;
      }
    error("expected True or False");
  }

  uint64_t parse_dim() {
    skip_blanks();
    if (!std::isdigit(static_cast<unsigned char>(peek())))
      error("expected a non-negative integer");
    uint64_t value = 0;
    while (std::isdigit(static_cast<unsigned char>(peek()))) {
      const uint64_t digit = static_cast<uint64_t>(peek() - '0');
      if (value > (UINT64_MAX - digit) / 10)
        error("dimension too large");
      value = value * 10 + digit;
      ++pos_;
    }
    if (peek() == 'L') // Python 2 long literal
      ++pos_;
    return value;
  }

  // "()", "(5,)" or "(1, 4, 3, 2)" with an optional trailing comma.
  std::vector<uint64_t> parse_shape() {
    std::vector<uint64_t> shape;
    expect('(');
    while (true) {
      skip_blanks();
      if (peek() == ')')
        break;
      shape.push_back(parse_dim());
      skip_blanks();
      if (peek() == ',')
        ++pos_;
      else if (peek() != ')')
        error("expected ',' or ')' in shape");
    }
    ++pos_;
    return shape;
  }

  std::string_view text_;
  std::string file_;
  size_t pos_ = 0;
};

std::optional<DescrType> parse_descr(const std::string &descr, bool &big_endian) {
  if (descr.size() < 3 || std::string_view("<>|=").find(descr[0]) == std::string_view::npos)
    return std::nullopt;
  const std::string_view size_text = std::string_view(descr).substr(2);
  for (const DescrType &type : kDescrTypes)
    if (type.kind == descr[1] && size_text == std::to_string(type.size)) {
      // '|' (not applicable) is only meaningful for one-byte types.
      if (descr[0] == '|' && type.size != 1)
        return std::nullopt;
      big_endian = descr[0] == '>' && type.size > 1;
      return type;
    }
  return std::nullopt;
}

} // namespace

NpyHeader read_npy_header(const std::filesystem::path &path) {
  const std::string file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError(file + ": cannot open");
  std::array<char, 12> prefix{};
  in.read(prefix.data(), 10);
  if (in.gcount() < 10 || std::string_view(prefix.data(), kMagic.size()) != kMagic)
    throw InputError(file + ": not a .npy file (missing the \\x93NUMPY magic)");
  const int major = static_cast<unsigned char>(prefix[6]);
  const int minor = static_cast<unsigned char>(prefix[7]);
  auto byte = [&](size_t i) {
    return static_cast<uint32_t>(static_cast<unsigned char>(prefix[i]));
  };
  uint32_t header_bytes;
  uint64_t header_start;
  if (major == 1) {
    header_bytes = byte(8) | byte(9) << 8;
    header_start = 10;
  } else if (major == 2 || major == 3) {
    in.read(prefix.data() + 10, 2);
    if (in.gcount() < 2)
      throw InputError(file + ": truncated .npy header");
    header_bytes = byte(8) | byte(9) << 8 | byte(10) << 16 | byte(11) << 24;
    header_start = 12;
  } else {
    throw UnsupportedError(file + ": unsupported .npy format version " + std::to_string(major) +
                           "." + std::to_string(minor) + " (qgold reads 1.0, 2.0 and 3.0)");
  }
  if (header_bytes > kMaxHeaderBytes)
    throw InputError(file + ": .npy header length " + std::to_string(header_bytes) +
                     " is implausibly large");
  std::string text(header_bytes, '\0');
  in.read(text.data(), header_bytes);
  if (static_cast<uint64_t>(in.gcount()) != header_bytes)
    throw InputError(file + ": truncated .npy header (" + std::to_string(header_bytes) +
                     " bytes announced)");

  NpyHeader header = HeaderParser(text, file).parse();
  const std::optional<DescrType> type = parse_descr(header.descr, header.big_endian);
  if (!type)
    throw UnsupportedError(file + ": unsupported .npy dtype '" + header.descr +
                           "' (qgold reads f4, f8, i1, i2, i4, i8, u1 and b1)");
  header.dtype = type->dtype;
  header.data_offset = header_start + header_bytes;
  uint64_t bytes = static_cast<uint64_t>(type->size);
  for (uint64_t dim : header.shape) {
    if (dim != 0 && bytes > UINT64_MAX / dim)
      throw InputError(file + ": .npy shape is too large");
    bytes *= dim;
  }
  header.data_bytes = bytes;

  std::error_code error;
  const uint64_t file_size = std::filesystem::file_size(path, error);
  if (error)
    throw InputError(file + ": cannot read the file size: " + error.message());
  if (file_size != header.data_offset + header.data_bytes)
    throw InputError(file + ": holds " + std::to_string(file_size - header.data_offset) +
                     " data bytes, but " + describe_npy(header) + " needs " +
                     std::to_string(header.data_bytes));
  return header;
}

std::string npy_descr(ir::DType dtype) {
  for (const DescrType &type : kDescrTypes)
    if (type.dtype == dtype)
      return (type.size == 1 ? "|" : "<") + std::string(1, type.kind) + std::to_string(type.size);
  return "?";
}

std::string describe_npy(const NpyHeader &header) {
  std::string shape = "[";
  for (size_t i = 0; i < header.shape.size(); ++i)
    shape += (i ? "," : "") + std::to_string(header.shape[i]);
  return dtype_label(header.dtype) + " " + shape + "] ('" + header.descr + "')";
}

} // namespace qgold::data
