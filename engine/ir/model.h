#pragma once

#include "ir/dtype.h"
#include "ir/ops.h"

#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace qgold::ir {

using Shape = std::vector<int32_t>;

// Number of elements; 1 for a scalar (empty shape).
int64_t num_elements(const Shape &shape);
std::string shape_to_string(const Shape &shape); // "[1,4,3,2]"

// Circle/TFLite QuantizationParameters. Empty vectors are absent fields.
struct QuantParams {
  std::vector<float> min, max, scale;
  std::vector<int64_t> zero_point;
  int32_t quantized_dimension = 0;
  bool operator==(const QuantParams &) const = default;
};

struct Tensor {
  std::string name;
  DType dtype = DType::Float32;
  Shape shape;
  // Constant data (row-major, little-endian). Absent for activations and graph inputs.
  std::optional<std::vector<uint8_t>> data;
  std::optional<QuantParams> quant;

  bool is_constant() const { return data.has_value(); }
  int64_t num_elements() const { return ir::num_elements(shape); }

  // Typed copy of the constant data; T must match dtype's element size.
  template <typename T> std::vector<T> values() const {
    std::vector<T> out(data ? data->size() / sizeof(T) : 0);
    if (!out.empty())
      std::memcpy(out.data(), data->data(), out.size() * sizeof(T));
    return out;
  }
  template <typename T> void set_values(std::span<const T> values) {
    data.emplace(values.size() * sizeof(T));
    if (!values.empty())
      std::memcpy(data->data(), values.data(), data->size());
  }
};

struct Operator {
  OpCode code;
  std::vector<int32_t> inputs;  // tensor indices; -1 = optional input absent
  std::vector<int32_t> outputs; // tensor indices
  Options options;
};

// One graph (qgold models have a single subgraph). Operators are in execution order.
struct Model {
  std::string name = "main";
  std::vector<Tensor> tensors;
  std::vector<Operator> operators;
  std::vector<int32_t> inputs, outputs;

  // Index of the tensor with this name, or -1.
  int32_t find_tensor(std::string_view name) const;
  // Index of the operator that writes tensor `index`, or -1 (inputs, constants).
  int32_t producer(int32_t tensor_index) const;
  // Indices of operators that read tensor `index`.
  std::vector<int32_t> consumers(int32_t tensor_index) const;
  bool is_graph_input(int32_t tensor_index) const;
  bool is_graph_output(int32_t tensor_index) const;
  // Appends a tensor and returns its index.
  int32_t add_tensor(Tensor tensor);
};

} // namespace qgold::ir
