#include "harness/cli/commands.h"

#include "data/dataset.h"
#include "format/model_file.h"
#include "interp/interpreter.h"
#include "interp/quantized_io.h"
#include "ir/error.h"
#include "quant/fold_converter_constants.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <iostream>
#include <memory>
#include <set>

namespace qgold::cli {

namespace {
struct RunArgs {
  std::string model, data, output;
  bool quantize_inputs = false, all_tensors = false;
};

// The tensors written per record, each in its own dtype: the graph outputs,
// then (all_tensors) every other operator output in execution order.
std::vector<int32_t> written_tensors(const ir::Model &model, bool all_tensors) {
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

int run_run(const RunArgs &args) {
  ir::Model model = format::read_model_file(args.model);
  quant::fold_converter_constants(model);
  const std::vector<data::InputSpec> inputs = data::input_specs(model);
  // The dataset holds each input in its dtype; with --quantize-inputs, float
  // values for every quantized input, quantized here with its parameters.
  std::vector<data::InputSpec> dataset_specs = inputs;
  std::vector<bool> quantize(inputs.size(), false);
  if (args.quantize_inputs) {
    for (size_t i = 0; i < inputs.size(); ++i) {
      quantize[i] =
          interp::is_per_tensor_quantized(model.tensors[static_cast<size_t>(model.inputs[i])]);
      if (quantize[i])
        dataset_specs[i].dtype = ir::DType::Float32;
    }
    if (std::find(quantize.begin(), quantize.end(), true) == quantize.end())
      throw InputError(fmt::format("{}: --quantize-inputs: no input of the model is quantized "
                                   "(an integer with one scale and zero point)",
                                   args.model));
  }
  auto dataset = data::open_dataset(args.data, dataset_specs);
  interp::Interpreter interpreter(model, interp::Kernels::FloatAndInteger);
  const std::vector<int32_t> tensors = written_tensors(model, args.all_tensors);
  std::vector<data::InputSpec> output_specs;
  for (int32_t index : tensors) {
    const ir::Tensor &tensor = model.tensors[static_cast<size_t>(index)];
    output_specs.push_back({tensor.name, tensor.dtype, tensor.shape});
  }
  size_t count = 0;
  // The writer stages its file: a failing run (a bad record) leaves a previous output as it was.
  data::H5DatasetWriter writer(args.output, output_specs);
  data::Record record;
  std::vector<float> values;
  while (dataset->next(record)) {
    for (size_t i = 0; i < record.inputs.size(); ++i) {
      if (!quantize[i]) {
        interpreter.set_input_bytes(i, record.inputs[i]);
        continue;
      }
      values.resize(record.inputs[i].size() / sizeof(float));
      std::memcpy(values.data(), record.inputs[i].data(), record.inputs[i].size());
      const std::string where =
          fmt::format("{}: record '{}', input {} ('{}')", args.data, record.id, i, inputs[i].name);
      interpreter.set_input_bytes(
          i, interp::quantize_values(model.tensors[static_cast<size_t>(model.inputs[i])], values,
                                     where));
    }
    interpreter.run();
    data::Record outputs{record.id, {}};
    for (int32_t index : tensors) {
      const auto bytes = interpreter.tensor_bytes(index);
      outputs.inputs.emplace_back(bytes.begin(), bytes.end());
    }
    writer.append(outputs);
    ++count;
  }
  writer.close();
  std::cout << fmt::format("wrote {} records to {}\n", count, args.output);
  return kExitOk;
}
} // namespace

void add_run_command(CLI::App &app, Action &action) {
  auto args = std::make_shared<RunArgs>();
  CLI::App *command = app.add_subcommand(
      "run", "Run the reference interpreter (float or quantized model) over a dataset and write "
             "the outputs to HDF5");
  command->add_option("model", args->model, "float or quantized model")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--data", args->data,
                      "dataset: .h5, folder of .txt or .npy, or one .txt; each input in its own "
                      "dtype (a quantized input's codes)")
      ->required()
      ->check(CLI::ExistingPath);
  command->add_option("-o,--output", args->output,
                      "HDF5 file to write (/value/<record>/<output>, each in its dtype)")
      ->required();
  command->add_flag("--quantize-inputs", args->quantize_inputs,
                    "the dataset holds float values for the quantized inputs; quantize them with "
                    "each input's scale and zero point");
  command->add_flag("--all-tensors", args->all_tensors,
                    "also write every operator output, after the graph outputs, in execution order");
  command->callback([args, &action] { action = [args] { return run_run(*args); }; });
}

} // namespace qgold::cli
