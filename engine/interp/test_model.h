#pragma once

// Test-only helper: builds small ir::Model graphs in C++ for interpreter tests.

#include "ir/model.h"

#include <string>
#include <vector>

namespace qgold::interp::testing {

class ModelBuilder {
public:
  // A float32 graph input.
  int32_t input(std::string name, ir::Shape shape);
  // A tensor computed by an operator (float32 unless `dtype` says otherwise).
  int32_t activation(std::string name, ir::Shape shape, ir::DType dtype = ir::DType::Float32);
  int32_t constant(std::string name, ir::Shape shape, const std::vector<float> &values);
  int32_t int32_constant(std::string name, ir::Shape shape, const std::vector<int32_t> &values);
  // Appends an operator; without options it gets ir::default_options(code).
  void op(ir::OpCode code, std::vector<int32_t> inputs, std::vector<int32_t> outputs);
  void op(ir::OpCode code, std::vector<int32_t> inputs, std::vector<int32_t> outputs,
          ir::Options options);
  void output(int32_t tensor) { model.outputs.push_back(tensor); }

  ir::Model model;
};

} // namespace qgold::interp::testing
