#include "harness/cli/commands.h"

#include "data/dataset.h"
#include "format/model_file.h"
#include "interp/dataset_run.h"
#include "ir/error.h"
#include "quant/fold_converter_constants.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace qgold::cli {

namespace {
struct RunArgs {
  std::string model, data, output;
  bool quantize_inputs = false, all_tensors = false;
};

int run_run(const RunArgs &args) {
  ir::Model model = format::read_model_file(args.model);
  quant::fold_converter_constants(model);
  // The dataset holds each input in its dtype; with --quantize-inputs, float
  // values for every quantized input, quantized with its parameters.
  const interp::DatasetFeed feed = interp::dataset_feed(model, args.quantize_inputs, args.model);
  auto dataset = data::open_dataset(args.data, feed.specs);
  interp::Interpreter interpreter(model, interp::Kernels::FloatAndInteger);
  const std::vector<int32_t> tensors = interp::reported_tensors(model, args.all_tensors);
  std::vector<data::InputSpec> output_specs;
  for (int32_t index : tensors) {
    const ir::Tensor &tensor = model.tensors[static_cast<size_t>(index)];
    output_specs.push_back({tensor.name, tensor.dtype, tensor.shape});
  }
  size_t count = 0;
  // The writer stages its file: a failing run (a bad record) leaves a previous output as it was.
  data::H5DatasetWriter writer(args.output, output_specs);
  interp::run_dataset(model, interpreter, *dataset, feed,
                      [&](const data::Record &record, const interp::Interpreter &run) {
                        data::Record outputs{record.id, {}};
                        for (int32_t index : tensors) {
                          const auto bytes = run.tensor_bytes(index);
                          outputs.inputs.emplace_back(bytes.begin(), bytes.end());
                        }
                        writer.append(outputs);
                        ++count;
                      });
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
