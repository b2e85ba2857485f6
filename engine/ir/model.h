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

// How a sparse constant is stored (the Circle/TFLite SparsityParameters):
// dims are visited in traversal_order (the first shape.size() entries permute
// the tensor's dims, further entries are block dims mapped by block_map);
// each visited dim is dense (dense_size) or CSR (segments, indices).
struct Sparsity {
  struct Dim {
    bool csr = false;
    int32_t dense_size = 0;
    std::vector<int32_t> segments, indices;
    bool operator==(const Dim &) const = default;
  };
  std::vector<int32_t> traversal_order, block_map;
  std::vector<Dim> dims;
  bool operator==(const Sparsity &) const = default;
};

struct Tensor {
  std::string name;
  DType dtype = DType::Float32;
  Shape shape;
  // Constant data (row-major, little-endian). Absent for activations and graph
  // inputs. For a sparse constant, the stored values in traversal order.
  std::optional<std::vector<uint8_t>> data;
  std::optional<QuantParams> quant;
  // Dims as the converter declared them, -1 where the size is dynamic (the
  // schema's shape_signature); empty when the model gives none.
  std::vector<int32_t> shape_signature{};
  std::optional<Sparsity> sparsity{};

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
  // OpCode::Custom: the custom code and its opaque (FlexBuffers) options.
  std::string custom_code{};
  std::vector<uint8_t> custom_options{};
};

// One graph. Operators are in execution order.
struct Graph {
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

// A named entry point: graph inputs/outputs under alias names (the schema's
// SignatureDef). Tensors are referred to by name, so that passes which add or
// remove tensors keep the references valid.
struct SignatureDef {
  struct Entry {
    std::string alias, tensor;
    bool operator==(const Entry &) const = default;
  };
  std::string key;
  uint32_t subgraph = 0;
  std::vector<Entry> inputs, outputs;
  bool operator==(const SignatureDef &) const = default;
};

struct Metadata {
  std::string name;
  std::vector<uint8_t> data;
  bool operator==(const Metadata &) const = default;
};

// A model: its main graph (subgraph 0) is what qgold interprets and
// quantizes; further subgraphs, signature defs and metadata travel along
// unchanged through every step.
struct Model : Graph {
  std::vector<Graph> subgraphs; // subgraphs 1..n
  std::vector<SignatureDef> signature_defs;
  std::vector<Metadata> metadata;
  // Write constant data after the FlatBuffer (Buffer.offset/size), as models
  // over 2 GiB must; set when such a model is read or a recipe asks for it.
  bool external_buffers = false;
};

} // namespace qgold::ir
