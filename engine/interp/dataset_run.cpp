#include "interp/dataset_run.h"

#include "interp/quantized_io.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <set>

namespace qgold::interp {

DatasetFeed dataset_feed(const ir::Model &model, bool quantize_inputs, const std::string &origin) {
  DatasetFeed feed{data::input_specs(model), std::vector<bool>(model.inputs.size(), false)};
  if (!quantize_inputs)
    return feed;
  for (size_t i = 0; i < feed.specs.size(); ++i) {
    feed.quantize[i] = is_per_tensor_quantized(model.tensors[static_cast<size_t>(model.inputs[i])]);
    if (feed.quantize[i])
      feed.specs[i].dtype = ir::DType::Float32;
  }
  if (std::find(feed.quantize.begin(), feed.quantize.end(), true) == feed.quantize.end())
    throw InputError(fmt::format("{}: --quantize-inputs: no input of the model is quantized "
                                 "(an integer with one scale and zero point)",
                                 origin));
  return feed;
}

std::vector<int32_t> reported_tensors(const ir::Model &model, bool all_tensors) {
  std::vector<int32_t> tensors = model.outputs;
  if (all_tensors) {
    std::set<int32_t> seen(tensors.begin(), tensors.end());
    for (const ir::Operator &op : model.operators)
      for (int32_t output : op.outputs)
        if (seen.insert(output).second)
          tensors.push_back(output);
  }
  return tensors;
}

void run_dataset(const ir::Model &model, Interpreter &interpreter, data::DatasetReader &dataset,
                 const DatasetFeed &feed,
                 const std::function<void(const data::Record &, const Interpreter &)> &after) {
  data::Record record;
  std::vector<float> values;
  while (dataset.next(record)) {
    for (size_t i = 0; i < record.inputs.size(); ++i) {
      if (!feed.quantize[i]) {
        interpreter.set_input_bytes(i, record.inputs[i]);
        continue;
      }
      values.resize(record.inputs[i].size() / sizeof(float));
      std::memcpy(values.data(), record.inputs[i].data(), record.inputs[i].size());
      const std::string where =
          fmt::format("{}, input {} ('{}')", record.where(), i, feed.specs[i].name);
      interpreter.set_input_bytes(
          i, quantize_values(model.tensors[static_cast<size_t>(model.inputs[i])], values, where));
    }
    interpreter.run();
    after(record, interpreter);
  }
}

} // namespace qgold::interp
