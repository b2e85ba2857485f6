#include "tools/tflite_oracle/codes.h"

#include "tools/tflite_oracle/tensor_file.h"

#include "data/dataset.h"
#include "format/model_file.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <cstring>
#include <iostream>
#include <set>

namespace qgold::oracle {
namespace {

// The tensors `qgold run --all-tensors` writes, in its order.
std::vector<int32_t> written_tensors(const ir::Model &model) {
  std::vector<int32_t> tensors = model.outputs;
  std::set<int32_t> seen(tensors.begin(), tensors.end());
  for (const ir::Operator &op : model.operators)
    for (int32_t output : op.outputs)
      if (seen.insert(output).second)
        tensors.push_back(output);
  return tensors;
}

// Element `i` of a tensor's bytes as a number, for reports.
double element(ir::DType dtype, const std::vector<uint8_t> &bytes, size_t i) {
  switch (dtype) {
  case ir::DType::UInt8:
    return bytes[i];
  case ir::DType::Int8:
    return static_cast<int8_t>(bytes[i]);
  case ir::DType::Int16: {
    int16_t v;
    std::memcpy(&v, &bytes[2 * i], 2);
    return v;
  }
  case ir::DType::Int32: {
    int32_t v;
    std::memcpy(&v, &bytes[4 * i], 4);
    return v;
  }
  case ir::DType::Float32: {
    float v;
    std::memcpy(&v, &bytes[4 * i], 4);
    return v;
  }
  default:
    return 0;
  }
}

} // namespace

int compare_codes(const std::string &model_path, const std::string &oracle_path,
                  const std::string &run_path) {
  const ir::Model model = format::read_model_file(model_path);
  const std::vector<int32_t> tensors = written_tensors(model);
  std::vector<data::InputSpec> specs;
  for (int32_t index : tensors) {
    const ir::Tensor &tensor = model.tensors[static_cast<size_t>(index)];
    specs.push_back({tensor.name, tensor.dtype, tensor.shape});
  }
  auto run = data::open_dataset(run_path, specs);
  const std::vector<OracleRecord> oracle = read_tensor_file(oracle_path);

  int status = 0;
  size_t r = 0, elements = 0;
  data::Record record;
  for (; run->next(record); ++r) {
    if (r >= oracle.size())
      throw InputError(fmt::format("{}: holds {} records; {} holds more", oracle_path,
                                   oracle.size(), run_path));
    for (size_t t = 0; t < tensors.size(); ++t) {
      const ir::Tensor &tensor = model.tensors[static_cast<size_t>(tensors[t])];
      const OracleTensor *theirs = find_tensor(oracle[r], tensor.name);
      if (!theirs)
        throw InputError(fmt::format("{}: record {} has no tensor '{}' (run the oracle with "
                                     "--all-tensors)",
                                     oracle_path, r, tensor.name));
      if (theirs->dtype != tensor.dtype || theirs->shape != tensor.shape)
        throw InputError(fmt::format("{}: record {}, tensor '{}' is {} {}; the model says {} {}",
                                     oracle_path, r, tensor.name, ir::dtype_name(theirs->dtype),
                                     ir::shape_to_string(theirs->shape),
                                     ir::dtype_name(tensor.dtype), ir::shape_to_string(tensor.shape)));
      const std::vector<uint8_t> &ours = record.inputs[t];
      elements += static_cast<size_t>(tensor.num_elements());
      if (ours == theirs->bytes)
        continue;
      const size_t size = ir::dtype_size(tensor.dtype);
      size_t first = 0, differing = 0;
      for (size_t i = 0; i * size < ours.size(); ++i)
        if (std::memcmp(&ours[i * size], &theirs->bytes[i * size], size) != 0 && differing++ == 0)
          first = i;
      const int32_t op = model.producer(tensors[t]);
      std::cout << fmt::format(
          "DIFFER record {} ('{}'), tensor '{}' written by {} #{}: {} of {} elements, first "
          "element {}: qgold {} tflite {}\n",
          r, record.id, tensor.name, op < 0 ? "no operator" : ir::op_name(model.operators[op].code),
          op, differing, tensor.num_elements(), first, element(tensor.dtype, ours, first),
          element(tensor.dtype, theirs->bytes, first));
      status = 1;
      break; // later tensors depend on this one
    }
  }
  if (r != oracle.size())
    throw InputError(fmt::format("{}: holds {} records; {} holds {}", oracle_path, oracle.size(),
                                 run_path, r));
  std::cout << fmt::format("{} {} records, {} tensors, {} elements\n",
                           status == 0 ? "equal" : "DIFFER", r, tensors.size(), elements);
  return status;
}

} // namespace qgold::oracle
