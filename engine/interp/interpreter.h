#pragma once

#include "ir/model.h"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace qgold::interp {

// Sees every float32 graph input (before any kernel runs) and every float32
// operator output (right after its kernel) of one inference; integer and
// bool tensors (indices, comparison results) are not shown.
class TensorObserver {
public:
  virtual ~TensorObserver() = default;
  virtual void observe(int32_t tensor_index, std::span<const float> values) = 0;
};

// Which kernels an Interpreter binds.
enum class Kernels {
  Float,           // float models: float32 activations and graph inputs/outputs
  FloatAndInteger, // also quantized models: ops on quantized tensors (and
                   // Quantize/Dequantize) run the integer kernels, graph
                   // inputs and outputs may be integers (their codes)
};

// Reference interpreter. Every tensor is held in its own dtype; int32
// constants (axes, shapes, paddings) are read where ops need them.
// Unsupported ops or dtypes are UnsupportedError at construction.
class Interpreter {
public:
  explicit Interpreter(const ir::Model &model, Kernels kernels = Kernels::Float);
  ~Interpreter();

  // Input `index` in graph-input order; values.size() must equal its element
  // count and the input must be float32.
  void set_input(size_t index, std::span<const float> values);
  // Input `index` as little-endian bytes in the input's own dtype; the size
  // must be the input's byte size.
  void set_input_bytes(size_t index, std::span<const uint8_t> bytes);
  void run(TensorObserver *observer = nullptr);
  // Values of any non-constant float32 tensor after run() (graph outputs included).
  std::span<const float> tensor(int32_t tensor_index) const;
  // A float32 graph output.
  std::span<const float> output(size_t index) const;
  // The raw little-endian elements of any graph output, in its dtype (float32,
  // int32, int64 or bool).
  std::span<const uint8_t> output_bytes(size_t index) const;
  // The bytes of any non-constant tensor after run(), in its own dtype.
  std::span<const uint8_t> tensor_bytes(int32_t tensor_index) const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace qgold::interp
