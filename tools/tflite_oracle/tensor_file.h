#pragma once

// The oracle's tensor file (README.md, "The tensor file"): records of named, typed tensors
// whose bytes travel as little-endian hex. Read and written here for qgold's side.

#include "ir/model.h"

#include <filesystem>
#include <string>
#include <vector>

namespace qgold::oracle {

struct OracleTensor {
  std::string name;
  std::string kind; // "output", "intermediate", or empty (an input)
  ir::DType dtype = ir::DType::Float32;
  ir::Shape shape;
  std::vector<uint8_t> bytes; // row-major, little-endian
};

struct OracleRecord {
  std::string id;
  std::vector<OracleTensor> tensors;
};

// The oracle's names: float32 float64 int8 uint8 int16 int32 int64 bool.
std::string oracle_dtype_name(ir::DType dtype);

// Every problem (JSON syntax, a missing key, a bad dtype or hex, a byte count that does not
// fit dtype and shape) is an InputError naming the file, the record and the tensor.
std::vector<OracleRecord> read_tensor_file(const std::filesystem::path &path);
void write_tensor_file(const std::filesystem::path &path, const std::vector<OracleRecord> &records);

// The record's graph outputs (kind "output") in order, and a tensor by name (or nullptr).
std::vector<const OracleTensor *> graph_outputs(const OracleRecord &record);
const OracleTensor *find_tensor(const OracleRecord &record, const std::string &name);

} // namespace qgold::oracle
