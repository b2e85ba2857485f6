#pragma once

// Golden JSON files of ONE's pota-quantization-value-test: one file per tensor
// with any of the keys weights, scale, zero_point, min, max; and qgold's
// inference goldens, key codes: the tensor's values in every record of the
// case's test inputs, stacked [records, ...shape].

#include "ir/model.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace qgold::harness {

// One key of a golden: a JSON number or a (nested) list of numbers, flattened
// row-major. Integral arrays keep their values as int64 so that they print and
// compare exactly; other arrays hold doubles.
struct GoldenArray {
  bool is_scalar = false;      // a bare number rather than a list
  ir::Shape shape;             // list shape; empty for a scalar
  bool integral = false;       // every element was written without a fraction or exponent
  std::vector<int64_t> ints;   // when integral
  std::vector<double> floats;  // when !integral

  size_t size() const { return integral ? ints.size() : floats.size(); }
  double at(size_t index) const {
    return integral ? static_cast<double>(ints[index]) : floats[index];
  }

  static GoldenArray scalar(double value);
  static GoldenArray list(std::vector<double> values); // 1-D float list
  static GoldenArray int_list(std::vector<int64_t> values, ir::Shape shape);
  static GoldenArray float_list(std::vector<double> values, ir::Shape shape);
  bool operator==(const GoldenArray &) const = default;
};

struct Golden {
  std::optional<GoldenArray> weights, scale, zero_point, min, max, codes;
  bool operator==(const Golden &) const = default;
};

// Parses a golden. Accepts scalars or (nested, rectangular) lists of numbers
// for every key and any JSON whitespace (including Python 2's ", "
// separators). Malformed input is an InputError naming `origin` and the JSON
// path (e.g. "weights[1][0]").
Golden parse_golden(const std::string &text, const std::string &origin);
Golden read_golden(const std::filesystem::path &path);

// Deterministic text: keys in the order weights, scale, zero_point, min, max,
// codes; 2-space indent, one list element per line (codes: one innermost list
// per line); integral arrays as integers,
// other numbers as Python's repr of a float (shortest round trip, "1.0",
// "1e-05"); trailing newline. Writing the same golden twice gives the same bytes.
std::string golden_to_json(const Golden &golden);
// Crash-safe (write_file_atomically): the file is old or new, never partial.
void write_golden(const Golden &golden, const std::filesystem::path &path);

// Python repr of a double (what json.dumps prints for a float).
std::string python_float_repr(double value);

// The record circle-tensordump would write for `tensor`: weights from its
// constant data in its dtype (shape = tensor shape), and min, max, scale,
// zero_point (as floats) from its quantization parameters, each as a 1-D list
// when present. Constant data of a dtype tensordump cannot dump, or of the
// wrong size, is an InputError naming the tensor.
Golden golden_view(const ir::Tensor &tensor);

} // namespace qgold::harness
