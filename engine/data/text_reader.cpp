// Text records as ONE's pota test inputs hold them (gen_h5_explicit_inputs.py):
// one file per record; line j is model input j as comma-separated numbers,
// each possibly padded with blanks; blank lines after the last input are ignored.
// Numbers parse strictly (the whole field must be the number). float32 values
// are parsed as double and then rounded to float, as numpy does.
#include "data/readers.h"
#include "data/spec_util.h"

#include "ir/error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <string_view>

namespace qgold::data {
namespace {

struct Field {
  std::string_view text; // without the padding blanks
  size_t column;         // 1-based column of the field's first character after padding
};

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view text, size_t &offset) {
  size_t begin = 0, end = text.size();
  while (begin < end && is_blank(text[begin]))
    ++begin;
  while (end > begin && is_blank(text[end - 1]))
    --end;
  offset = begin;
  return text.substr(begin, end - begin);
}

bool is_blank_line(std::string_view line) {
  size_t unused;
  return trim(line, unused).empty();
}

std::vector<Field> split_fields(std::string_view line) {
  std::vector<Field> fields;
  size_t start = 0;
  while (true) {
    const size_t comma = line.find(',', start);
    const std::string_view raw = line.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    size_t offset;
    const std::string_view text = trim(raw, offset);
    fields.push_back({text, start + offset + 1});
    if (comma == std::string_view::npos)
      return fields;
    start = comma + 1;
  }
}

// from_chars does not take a leading '+', numpy's parser does.
std::string_view drop_plus(std::string_view text) {
  if (text.size() > 1 && text[0] == '+' && text[1] != '-' && text[1] != '+')
    return text.substr(1);
  return text;
}

template <typename T> bool parse_integer(std::string_view text, uint8_t *out) {
  text = drop_plus(text);
  T value;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size())
    return false;
  std::memcpy(out, &value, sizeof(T));
  return true;
}

bool parse_double(std::string_view text, double &value) {
  text = drop_plus(text);
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

bool parse_value(std::string_view text, ir::DType dtype, uint8_t *out) {
  switch (dtype) {
  case ir::DType::Float32: {
    double value;
    if (!parse_double(text, value))
      return false;
    if (std::isfinite(value) && std::fabs(value) > std::numeric_limits<float>::max())
      return false;
    const float narrowed = static_cast<float>(value);
    std::memcpy(out, &narrowed, sizeof narrowed);
    return true;
  }
  case ir::DType::Float64: {
    double value;
    if (!parse_double(text, value))
      return false;
    std::memcpy(out, &value, sizeof value);
    return true;
  }
  case ir::DType::Int8:
    return parse_integer<int8_t>(text, out);
  case ir::DType::Int16:
    return parse_integer<int16_t>(text, out);
  case ir::DType::Int32:
    return parse_integer<int32_t>(text, out);
  case ir::DType::Int64:
    return parse_integer<int64_t>(text, out);
  case ir::DType::UInt8:
    return parse_integer<uint8_t>(text, out);
  case ir::DType::Bool:
    if (text == "0" || text == "1" || text == "true" || text == "false" || text == "True" ||
        text == "False") {
      *out = (text == "1" || text == "true" || text == "True") ? 1 : 0;
      return true;
    }
    return false;
  default:
    return false;
  }
}

std::string expected_value(ir::DType dtype) {
  switch (dtype) {
  case ir::DType::Float32:
  case ir::DType::Float64:
    return "a " + dtype_label(dtype) + " number";
  case ir::DType::Bool:
    return "a bool (0, 1, true or false)";
  default:
    return "an integer in the " + dtype_label(dtype) + " range";
  }
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    const size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, newline - start));
    start = newline + 1;
  }
  while (!lines.empty() && is_blank_line(lines.back()))
    lines.pop_back();
  return lines;
}

class TextReader final : public DatasetReader {
public:
  TextReader(std::vector<std::filesystem::path> files, const std::vector<InputSpec> &specs)
      : files_(std::move(files)), specs_(specs) {
    for (const InputSpec &spec : specs_)
      if (spec.dtype == ir::DType::Float16)
        throw UnsupportedError(files_.front().string() +
                               ": text records cannot feed FLOAT16 "
                               "input '" +
                               spec.name + "'");
  }

  std::optional<size_t> size() const override { return files_.size(); }

  bool next(Record &record) override {
    if (next_ >= files_.size())
      return false;
    read_record(files_[next_++], record);
    return true;
  }

  void skip(size_t count) override { next_ += std::min(count, files_.size() - next_); }

private:
  void read_record(const std::filesystem::path &path, Record &record) const {
    const std::string file = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in)
      throw InputError(file + ": cannot open");
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad())
      throw InputError(file + ": cannot read");
    const std::vector<std::string_view> lines = split_lines(text);
    if (lines.size() != specs_.size())
      throw InputError(file + ": holds " + std::to_string(lines.size()) +
                       " non-blank lines, expected " + std::to_string(specs_.size()) +
                       " (one line per model input)");
    record.id = path.filename().string();
    record.location = file;
    record.inputs.resize(specs_.size());
    for (size_t j = 0; j < specs_.size(); ++j)
      parse_line(file, j, lines[j], record.inputs[j]);
  }

  void parse_line(const std::string &file, size_t j, std::string_view line,
                  std::vector<uint8_t> &out) const {
    const InputSpec &spec = specs_[j];
    const std::string where = file + ":" + std::to_string(j + 1);
    const size_t expected = static_cast<size_t>(ir::num_elements(spec.shape));
    const size_t element = ir::dtype_size(spec.dtype);
    out.resize(byte_size(spec));
    const std::vector<Field> fields =
        is_blank_line(line) ? std::vector<Field>{} : split_fields(line);
    for (size_t k = 0; k < fields.size() && k < expected; ++k)
      if (!parse_value(fields[k].text, spec.dtype, out.data() + k * element))
        throw InputError(where + ":" + std::to_string(fields[k].column) + ": " +
                         describe_input(specs_, j) + ", value " + std::to_string(k) +
                         ": expected " + expected_value(spec.dtype) + ", got '" +
                         std::string(fields[k].text) + "'");
    if (fields.size() != expected)
      throw InputError(where + ": " + describe_input(specs_, j) + ": expected " +
                       std::to_string(expected) + " comma-separated values for " +
                       describe_spec(spec) + ", got " + std::to_string(fields.size()));
  }

  std::vector<std::filesystem::path> files_;
  std::vector<InputSpec> specs_;
  size_t next_ = 0;
};

} // namespace

std::unique_ptr<DatasetReader> open_text_dataset(std::vector<std::filesystem::path> files,
                                                 const std::vector<InputSpec> &specs) {
  return std::make_unique<TextReader>(std::move(files), specs);
}

} // namespace qgold::data
