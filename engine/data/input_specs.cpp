#include "data/spec_util.h"

#include "ir/error.h"

#include <algorithm>
#include <cctype>

namespace qgold::data {

std::vector<InputSpec> input_specs(const ir::Model &model) {
  std::vector<InputSpec> specs;
  specs.reserve(model.inputs.size());
  for (size_t i = 0; i < model.inputs.size(); ++i) {
    const int32_t index = model.inputs[i];
    if (index < 0 || static_cast<size_t>(index) >= model.tensors.size())
      throw InputError("model '" + model.name + "': graph input " + std::to_string(i) +
                       " refers to tensor " + std::to_string(index) + ", but the model has " +
                       std::to_string(model.tensors.size()) + " tensors");
    const ir::Tensor &tensor = model.tensors[index];
    specs.push_back({tensor.name, tensor.dtype, tensor.shape});
  }
  return specs;
}

std::string dtype_label(ir::DType dtype) {
  std::string name(ir::dtype_name(dtype));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name;
}

std::string describe_input(const std::vector<InputSpec> &specs, size_t index) {
  return "input " + std::to_string(index) + " ('" + specs[index].name + "')";
}

std::string describe_spec(const InputSpec &spec) {
  return dtype_label(spec.dtype) + " " + ir::shape_to_string(spec.shape);
}

size_t byte_size(const InputSpec &spec) {
  return static_cast<size_t>(ir::num_elements(spec.shape)) * ir::dtype_size(spec.dtype);
}

void check_specs(const std::vector<InputSpec> &specs, const std::filesystem::path &origin) {
  const std::string where = origin.string() + ": ";
  if (specs.empty())
    throw InputError(where + "the model has no inputs to feed");
  // A record must fit in memory; 2^40 bytes is far beyond any real input.
  constexpr uint64_t kMaxRecordBytes = uint64_t{1} << 40;
  for (size_t i = 0; i < specs.size(); ++i) {
    const InputSpec &spec = specs[i];
    if (ir::dtype_size(spec.dtype) == 0)
      throw UnsupportedError(where + describe_input(specs, i) + " has dtype " +
                             dtype_label(spec.dtype) + ", which datasets cannot feed");
    uint64_t bytes = ir::dtype_size(spec.dtype);
    for (int32_t dim : spec.shape) {
      if (dim < 0)
        throw UnsupportedError(where + describe_input(specs, i) + " has a dynamic shape " +
                               ir::shape_to_string(spec.shape) + "; datasets need fixed shapes");
      if (dim != 0 && bytes > kMaxRecordBytes / static_cast<uint64_t>(dim))
        throw InputError(where + describe_input(specs, i) + " shape " +
                         ir::shape_to_string(spec.shape) + " is too large");
      bytes *= static_cast<uint64_t>(dim);
    }
  }
}

} // namespace qgold::data
