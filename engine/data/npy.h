#pragma once

// NumPy .npy header parsing (internal to qgold_data). Format versions 1.0,
// 2.0 and 3.0: magic "\x93NUMPY", version bytes, a little-endian header length
// (2 bytes in v1, 4 in v2/v3), then a Python dict literal with exactly the
// keys 'descr', 'fortran_order' and 'shape'; the array data follows.

#include "ir/dtype.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace qgold::data {

struct NpyHeader {
  std::string descr;       // as written, e.g. "<f4"
  ir::DType dtype;         // element type descr stands for
  bool big_endian = false; // descr starts with '>'
  std::vector<uint64_t> shape;
  uint64_t data_offset = 0; // where the C-order array data starts
  uint64_t data_bytes = 0;  // product(shape) * element size
};

// Reads and checks the header of a .npy file: a syntax error, an unknown
// descr, fortran_order True, or a file size that does not equal header plus
// data are InputErrors (UnsupportedError for valid but unsupported arrays).
NpyHeader read_npy_header(const std::filesystem::path &file);

// The little-endian descr numpy writes for a dtype: "<f4", "|u1", "|b1", ...
std::string npy_descr(ir::DType dtype);

// "float32 [5,24] ('<f4')" for messages.
std::string describe_npy(const NpyHeader &header);

} // namespace qgold::data
