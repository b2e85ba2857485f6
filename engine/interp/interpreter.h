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

// Float reference interpreter. Activations are float32; int32 constants
// (axes, shapes, paddings) are read where ops need them. Unsupported ops or
// dtypes are UnsupportedError at construction.
class Interpreter {
public:
  explicit Interpreter(const ir::Model &model);
  ~Interpreter();

  // Input `index` in graph-input order; values.size() must equal its element count.
  void set_input(size_t index, std::span<const float> values);
  void run(TensorObserver *observer = nullptr);
  // Values of any non-constant tensor after run() (graph outputs included).
  std::span<const float> tensor(int32_t tensor_index) const;
  // A float32 graph output.
  std::span<const float> output(size_t index) const;
  // The raw little-endian elements of any graph output, in its dtype (float32,
  // int32, int64 or bool).
  std::span<const uint8_t> output_bytes(size_t index) const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace qgold::interp
