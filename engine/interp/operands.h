#pragma once

#include "ir/model.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace qgold::interp {

// Where the values of every tensor of a model live, in the tensor's own
// dtype (the storage is owned by the interpreter or backend that binds the
// kernels). `written` marks the tensors a later operator may read (graph
// inputs, constants, outputs of earlier ops). Kernels never write through a
// constant's pointer.
struct TensorBuffers {
  std::vector<void *> data; // null for tensors without storage
  std::vector<bool> written;
};

// The dtype whose elements are T.
template <typename T> constexpr ir::DType dtype_of();
template <> constexpr ir::DType dtype_of<float>() { return ir::DType::Float32; }
template <> constexpr ir::DType dtype_of<int32_t>() { return ir::DType::Int32; }
template <> constexpr ir::DType dtype_of<int64_t>() { return ir::DType::Int64; }
template <> constexpr ir::DType dtype_of<uint8_t>() { return ir::DType::UInt8; }
template <> constexpr ir::DType dtype_of<int8_t>() { return ir::DType::Int8; }
template <> constexpr ir::DType dtype_of<int16_t>() { return ir::DType::Int16; }
template <> constexpr ir::DType dtype_of<bool>() { return ir::DType::Bool; }

// Checked access to the operands of one operator while its kernel is being
// bound. The model has passed ir::validate_model, so counts, roles and shapes
// are consistent; the accessors check what a kernel additionally needs (the
// dtype it runs on, readiness) and throw InputError (UnsupportedError for
// dtypes qgold does not run) naming the operator index, its type and the tensor.
class Operands {
public:
  Operands(const ir::Model &model, int32_t op_index, TensorBuffers &buffers);

  const ir::Operator &op() const { return op_; }
  // The model's record of input (output) `slot`: dtype, shape, quantization.
  const ir::Tensor &input_info(size_t slot) const;
  const ir::Tensor &output_info(size_t slot) const;
  // True when input `slot` exists and is not the -1 "absent" marker.
  bool has_input(size_t slot) const;
  const ir::Shape &input_shape(size_t slot) const;
  const ir::Shape &output_shape(size_t slot) const;
  // The dtype of an input or output, for binders that dispatch on it.
  ir::DType input_dtype(size_t slot) const;
  ir::DType output_dtype(size_t slot) const;
  // The buffer of an input of dtype T that is a constant or already computed.
  template <typename T> const T *input(size_t slot) const {
    return static_cast<const T *>(input_data(slot, dtype_of<T>()));
  }
  // Null when the optional input is absent, else input<T>(slot).
  template <typename T> const T *optional_input(size_t slot) const {
    return has_input(slot) ? input<T>(slot) : nullptr;
  }
  // The values of an int32 or int64 constant input (axes, paddings, shapes);
  // int64 values must fit in 32 bits (shape inference has checked them).
  std::vector<int32_t> int32_constant(size_t slot) const;
  // The buffer of an output of dtype T that no one has written yet.
  template <typename T> T *output(size_t slot) const {
    return static_cast<T *>(output_data(slot, dtype_of<T>()));
  }

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
  const void *input_data(size_t slot, ir::DType dtype) const;
  void *output_data(size_t slot, ir::DType dtype) const;
  int32_t input_tensor(size_t slot) const;
  int32_t output_tensor(size_t slot) const;
  std::string describe_tensor(int32_t tensor) const;

  const ir::Model &model_;
  int32_t op_index_;
  const ir::Operator &op_;
  TensorBuffers &buffers_;
};

} // namespace qgold::interp
