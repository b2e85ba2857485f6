#include "ir/op_view.h"

#include <fmt/format.h>

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
  if (tensor.dtype != DType::Int32)
    fail(fmt::format("{} '{}' must be INT32, got {}", role, tensor.name, dtype_name(tensor.dtype)),
         index);
  if (static_cast<int64_t>(tensor.data->size()) != tensor.num_elements() * 4)
    fail(fmt::format("{} '{}' has {} bytes of data, expected {} for shape {}", role, tensor.name,
                     tensor.data->size(), tensor.num_elements() * 4, shape_to_string(tensor.shape)),
         index);
  return tensor.values<int32_t>();
}

void OpView::expect_rank(size_t slot, size_t rank, std::string_view role) const {
  const Tensor &tensor = input(slot);
  if (tensor.shape.size() != rank)
    fail(fmt::format("{} '{}' must have rank {}, got shape {}", role, tensor.name, rank,
                     shape_to_string(tensor.shape)),
         input_index(slot));
}

} // namespace qgold::ir
