#include "quant/graph_edit.h"

#include <algorithm>

namespace qgold::quant {

void replace_uses(ir::Model &model, int32_t from, int32_t to, int32_t except, bool include_graph_outputs) {
  for (size_t i = 0; i < model.operators.size(); ++i) {
    if (static_cast<int32_t>(i) == except)
      continue;
    for (auto &input : model.operators[i].inputs)
      if (input == from)
        input = to;
  }
  if (include_graph_outputs)
    for (auto &output : model.outputs)
      if (output == from)
        output = to;
}

void insert_operator(ir::Model &model, int32_t position, ir::Operator op) {
  model.operators.insert(model.operators.begin() + position, std::move(op));
}

namespace {

bool is_read(const ir::Model &model, int32_t tensor) {
  if (model.is_graph_output(tensor))
    return true;
  return std::any_of(model.operators.begin(), model.operators.end(), [&](const ir::Operator &op) {
    return std::find(op.inputs.begin(), op.inputs.end(), tensor) != op.inputs.end();
  });
}

} // namespace

void remove_dead_code(ir::Model &model) {
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = model.operators.size(); i-- > 0;) {
      const auto &outputs = model.operators[i].outputs;
      if (std::none_of(outputs.begin(), outputs.end(), [&](int32_t t) { return is_read(model, t); })) {
        model.operators.erase(model.operators.begin() + static_cast<std::ptrdiff_t>(i));
        changed = true;
      }
    }
  }
  remove_unused_tensors(model);
}

void remove_unused_tensors(ir::Model &model) {
  std::vector<bool> used(model.tensors.size(), false);
  for (int32_t t : model.inputs)
    used[t] = true;
  for (int32_t t : model.outputs)
    used[t] = true;
  for (const auto &op : model.operators) {
    for (int32_t t : op.inputs)
      if (t >= 0)
        used[t] = true;
    for (int32_t t : op.outputs)
      used[t] = true;
  }
  std::vector<int32_t> new_index(model.tensors.size(), -1);
  std::vector<ir::Tensor> kept;
  for (size_t i = 0; i < model.tensors.size(); ++i) {
    if (!used[i])
      continue;
    new_index[i] = static_cast<int32_t>(kept.size());
    kept.push_back(std::move(model.tensors[i]));
  }
  model.tensors = std::move(kept);
  const auto remap = [&](std::vector<int32_t> &indices) {
    for (auto &t : indices)
      if (t >= 0)
        t = new_index[t];
  };
  remap(model.inputs);
  remap(model.outputs);
  for (auto &op : model.operators) {
    remap(op.inputs);
    remap(op.outputs);
  }
}

int32_t add_quantize_tensor(ir::Model &model, int32_t from, const std::string &name, ir::DType dtype,
                            ir::QuantParams quant) {
  ir::Tensor tensor;
  tensor.name = name;
  tensor.dtype = dtype;
  tensor.shape = model.tensors[from].shape;
  tensor.quant = std::move(quant);
  return model.add_tensor(std::move(tensor));
}

} // namespace qgold::quant
