#include "ir/model.h"

#include <algorithm>

namespace qgold::ir {

int64_t num_elements(const Shape &shape) {
  int64_t count = 1;
  for (int32_t dim : shape)
    count *= dim;
  return count;
}

std::string shape_to_string(const Shape &shape) {
  std::string out = "[";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i)
      out += ",";
    out += std::to_string(shape[i]);
  }
  return out + "]";
}

int32_t Graph::find_tensor(std::string_view tensor_name) const {
  for (size_t i = 0; i < tensors.size(); ++i)
    if (tensors[i].name == tensor_name)
      return static_cast<int32_t>(i);
  return -1;
}

int32_t Graph::producer(int32_t tensor_index) const {
  for (size_t i = 0; i < operators.size(); ++i) {
    const auto &outs = operators[i].outputs;
    if (std::find(outs.begin(), outs.end(), tensor_index) != outs.end())
      return static_cast<int32_t>(i);
  }
  return -1;
}

std::vector<int32_t> Graph::consumers(int32_t tensor_index) const {
  std::vector<int32_t> result;
  for (size_t i = 0; i < operators.size(); ++i) {
    const auto &ins = operators[i].inputs;
    if (std::find(ins.begin(), ins.end(), tensor_index) != ins.end())
      result.push_back(static_cast<int32_t>(i));
  }
  return result;
}

bool Graph::is_graph_input(int32_t tensor_index) const {
  return std::find(inputs.begin(), inputs.end(), tensor_index) != inputs.end();
}

bool Graph::is_graph_output(int32_t tensor_index) const {
  return std::find(outputs.begin(), outputs.end(), tensor_index) != outputs.end();
}

int32_t Graph::add_tensor(Tensor tensor) {
  tensors.push_back(std::move(tensor));
  return static_cast<int32_t>(tensors.size() - 1);
}

} // namespace qgold::ir
