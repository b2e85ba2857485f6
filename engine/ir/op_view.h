#pragma once

#include "ir/validate.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace qgold::ir {

// Access to an operator's operands with range checks, for shape rules;
// errors are ModelErrors that name the op, its index and the tensors involved.
class OpView {
public:
  OpView(const Model &model, const Operator &op);

  [[noreturn]] void fail(const std::string &what, int32_t tensor_index = -1) const;

  size_t num_inputs() const { return op_.inputs.size(); }
  bool has_input(size_t slot) const { return slot < op_.inputs.size() && op_.inputs[slot] >= 0; }
  int32_t input_index(size_t slot) const;
  const Tensor &input(size_t slot) const { return model_.tensors[input_index(slot)]; }
  const Shape &shape(size_t slot) const { return input(slot).shape; }

  // Values of an INT32 or INT64 constant input (axes, shape, paddings,
  // sizes); INT64 values must fit in 32 bits.
  std::vector<int32_t> int32_constant(size_t slot, std::string_view role) const;
  // The one value of such a constant (a scalar or a single-element vector).
  int32_t scalar_constant(size_t slot, std::string_view role) const;
  void expect_rank(size_t slot, size_t rank, std::string_view role) const;
  // `axis` in [-rank, rank) mapped to [0, rank); errors name input `slot` (or none, -1).
  int32_t axis(int64_t axis, size_t rank, int slot = -1) const;
  // The numpy broadcast of the shapes of `slots` (right-aligned; each dim equal or 1).
  Shape broadcast(std::initializer_list<size_t> slots) const;

  template <typename T> const T &options() const {
    if (const T *opts = std::get_if<T>(&op_.options))
      return *opts;
    fail("carries options of the wrong kind for this op");
  }

  const Operator &op() const { return op_; }

private:
  const Model &model_;
  const Operator &op_;
  int32_t index_ = -1;
};

} // namespace qgold::ir
