#pragma once

#include "ir/model.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace qgold::interp {

// Where the float values of every tensor of a model live (the storage is
// owned by the interpreter or backend that binds the kernels). `written`
// marks the tensors a later operator may read (graph inputs, constants,
// outputs of earlier ops). Kernels never write through a constant's pointer.
struct TensorBuffers {
  std::vector<float *> data; // null for non-float tensors
  std::vector<bool> written;
};

// Checked access to the operands of one operator while its kernel is being
// bound: every accessor validates the tensor index, dtype and readiness and
// throws InputError (UnsupportedError for dtypes/ops qgold does not run)
// with a message naming the operator index, its type and the tensor.
class Operands {
public:
  Operands(const ir::Model &model, int32_t op_index, TensorBuffers &buffers);

  const ir::Operator &op() const { return op_; }
  // Throws unless the input count is in [min_inputs, max_inputs] and the
  // output count is `outputs` (any count >= 1 when outputs == 0).
  void expect_counts(size_t min_inputs, size_t max_inputs, size_t outputs) const;

  // True when input `slot` exists and is not the -1 "absent" marker.
  bool has_input(size_t slot) const;
  const ir::Shape &input_shape(size_t slot) const;
  const ir::Shape &output_shape(size_t slot) const;
  // The buffer of a float32 input that is a constant or already computed.
  const float *float_input(size_t slot) const;
  // Null when the optional input is absent, else float_input(slot).
  const float *optional_float_input(size_t slot) const;
  // The values of an int32 constant input (axes, paddings, shapes).
  std::vector<int32_t> int32_constant(size_t slot) const;
  // The buffer of a float32 output that no one has written yet.
  float *float_output(size_t slot) const;

  // The op's options of type T; absent or mismatched options are an error.
  template <typename T> const T &options() const {
    if (const T *found = std::get_if<T>(&op_.options))
      return *found;
    fail("its options are missing or belong to another operator type");
  }

  // "operator #3 (Conv2D)", the prefix of every message about this operator.
  std::string label() const;
  // "input 1 (tensor #4 'ker')".
  std::string describe_input(size_t slot) const;
  std::string describe_output(size_t slot) const;
  [[noreturn]] void fail(std::string_view what) const;

private:
  int32_t input_tensor(size_t slot) const;
  int32_t output_tensor(size_t slot) const;
  std::string describe_tensor(int32_t tensor) const;

  const ir::Model &model_;
  int32_t op_index_;
  const ir::Operator &op_;
  TensorBuffers &buffers_;
};

} // namespace qgold::interp
