#include "ir/op_view.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>

namespace qgold::ir {

OpView::OpView(const Model &model, const Operator &op) : model_(model), op_(op) {
  const auto *first = model.operators.data();
  if (&op >= first && &op < first + model.operators.size())
    index_ = static_cast<int32_t>(&op - first);
}

void OpView::fail(const std::string &what, int32_t tensor_index) const {
  throw ModelError(fmt::format("{} (op {}): {}", op_name(op_.code), index_, what), index_,
                   tensor_index);
}

int32_t OpView::input_index(size_t slot) const {
  if (slot >= op_.inputs.size())
    fail(fmt::format("expected at least {} inputs, got {}", slot + 1, op_.inputs.size()));
  int32_t index = op_.inputs[slot];
  if (index < 0 || static_cast<size_t>(index) >= model_.tensors.size())
    fail(fmt::format("input {} refers to tensor {}, but the model has {} tensors", slot, index,
                     model_.tensors.size()));
  return index;
}

std::vector<int32_t> OpView::int32_constant(size_t slot, std::string_view role) const {
  const Tensor &tensor = input(slot);
  int32_t index = input_index(slot);
  if (!tensor.is_constant())
    fail(fmt::format("{} '{}' must be a constant", role, tensor.name), index);
  if (tensor.dtype != DType::Int32 && tensor.dtype != DType::Int64)
    fail(fmt::format("{} '{}' must be INT32 or INT64, got {}", role, tensor.name,
                     dtype_name(tensor.dtype)),
         index);
  const size_t size = dtype_size(tensor.dtype);
  if (static_cast<int64_t>(tensor.data->size()) != tensor.num_elements() * static_cast<int64_t>(size))
    fail(fmt::format("{} '{}' has {} bytes of data, expected {} for shape {}", role, tensor.name,
                     tensor.data->size(), tensor.num_elements() * static_cast<int64_t>(size),
                     shape_to_string(tensor.shape)),
         index);
  if (tensor.dtype == DType::Int32)
    return tensor.values<int32_t>();
  std::vector<int32_t> out;
  for (int64_t value : tensor.values<int64_t>()) {
    if (value < INT32_MIN || value > INT32_MAX)
      fail(fmt::format("{} '{}' holds {}, which does not fit in 32 bits", role, tensor.name, value),
           index);
    out.push_back(static_cast<int32_t>(value));
  }
  return out;
}

int32_t OpView::scalar_constant(size_t slot, std::string_view role) const {
  const std::vector<int32_t> values = int32_constant(slot, role);
  if (values.size() != 1)
    fail(fmt::format("{} '{}' must hold one value, got {}", role, input(slot).name, values.size()),
         input_index(slot));
  return values[0];
}

int32_t OpView::axis(int64_t axis, size_t rank, int slot) const {
  const auto r = static_cast<int64_t>(rank);
  if (axis < -r || axis >= r)
    fail(fmt::format("axis {} is out of range for rank {} (expected {}..{})", axis, rank, -r, r - 1),
         slot >= 0 ? input_index(static_cast<size_t>(slot)) : -1);
  return static_cast<int32_t>(axis < 0 ? axis + r : axis);
}

Shape OpView::broadcast(std::initializer_list<size_t> slots) const {
  Shape out;
  size_t first = *slots.begin();
  for (size_t slot : slots) {
    const Shape &s = shape(slot);
    Shape merged(std::max(out.size(), s.size()));
    for (size_t i = 0; i < merged.size(); ++i) {
      const int32_t a = i < out.size() ? out[out.size() - 1 - i] : 1;
      const int32_t b = i < s.size() ? s[s.size() - 1 - i] : 1;
      if (a != b && a != 1 && b != 1)
        fail(fmt::format("shapes {} ('{}') and {} ('{}') cannot be broadcast",
                         shape_to_string(shape(first)), input(first).name, shape_to_string(s),
                         input(slot).name),
             input_index(slot));
      merged[merged.size() - 1 - i] = a == 1 ? b : a;
    }
    out = std::move(merged);
  }
  return out;
}

void OpView::expect_rank(size_t slot, size_t rank, std::string_view role) const {
  const Tensor &tensor = input(slot);
  if (tensor.shape.size() != rank)
    fail(fmt::format("{} '{}' must have rank {}, got shape {}", role, tensor.name, rank,
                     shape_to_string(tensor.shape)),
         input_index(slot));
}

} // namespace qgold::ir
