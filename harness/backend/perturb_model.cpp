// Test-only tool for the faulty backend adapter: copies a model, changing one
// value of one tensor, the way a buggy quantizer would, or moving a recorded
// min/max by a relative amount, the way another summation order does.
//   perturb_model IN OUT TENSOR (zero_point|weights) INDEX DELTA
//   perturb_model IN OUT TENSOR (min|max) INDEX RELATIVE_CHANGE
#include "format/model_file.h"
#include "ir/error.h"

#include <cstdint>
#include <cstring>
#include <iostream>
#include <string>

namespace {

template <typename T> void add_to_element(std::vector<uint8_t> &bytes, size_t index, int64_t delta) {
  T value;
  std::memcpy(&value, bytes.data() + index * sizeof(T), sizeof(T));
  value = static_cast<T>(value + delta);
  std::memcpy(bytes.data() + index * sizeof(T), &value, sizeof(T));
}

int perturb(int argc, char **argv) {
  if (argc != 7) {
    std::cerr << "usage: perturb_model IN OUT TENSOR (zero_point|weights|min|max) INDEX DELTA\n";
    return 2;
  }
  qgold::ir::Model model = qgold::format::read_model_file(argv[1]);
  std::string name = argv[3], key = argv[4];
  size_t index = std::stoul(argv[5]);
  for (qgold::ir::Tensor &tensor : model.tensors) {
    if (tensor.name != name)
      continue;
    const bool range = key == "min" || key == "max";
    const int64_t delta = range ? 0 : std::stoll(argv[6]);
    if (range && tensor.quant) {
      std::vector<float> &values = key == "min" ? tensor.quant->min : tensor.quant->max;
      if (index >= values.size()) {
        std::cerr << "perturb_model: tensor '" << name << "' has no " << key << "[" << index << "]\n";
        return 2;
      }
      values[index] = static_cast<float>(values[index] * (1.0 + std::stod(argv[6])));
    } else if (key == "zero_point" && tensor.quant && index < tensor.quant->zero_point.size()) {
      tensor.quant->zero_point[index] += delta;
    } else if (key == "weights" && tensor.data && index < size_t(tensor.num_elements())) {
      std::vector<uint8_t> &bytes = *tensor.data;
      switch (tensor.dtype) {
      case qgold::ir::DType::UInt8: add_to_element<uint8_t>(bytes, index, delta); break;
      case qgold::ir::DType::Int8: add_to_element<int8_t>(bytes, index, delta); break;
      case qgold::ir::DType::Int16: add_to_element<int16_t>(bytes, index, delta); break;
      case qgold::ir::DType::Int32: add_to_element<int32_t>(bytes, index, delta); break;
      default:
        std::cerr << "perturb_model: tensor '" << name << "' has no integer weights\n";
        return 2;
      }
    } else {
      std::cerr << "perturb_model: tensor '" << name << "' has no " << key << "[" << index << "]\n";
      return 2;
    }
    qgold::format::write_model_file(model, argv[2]);
    return 0;
  }
  std::cerr << "perturb_model: no tensor '" << name << "'\n";
  return 2;
}

} // namespace

int main(int argc, char **argv) {
  try {
    return perturb(argc, argv);
  } catch (const std::exception &error) {
    std::cerr << "perturb_model: " << error.what() << '\n';
    return 2;
  }
}
