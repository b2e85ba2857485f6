#include "quant/fold_converter_constants.h"
#include "harness/cli/commands.h"

#include "data/dataset.h"
#include "format/model_file.h"
#include "interp/interpreter.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <cstring>
#include <iostream>
#include <memory>

namespace qgold::cli {

namespace {
struct RunArgs {
  std::string model, data, output;
};

// Outputs are written in their own dtype: float32, or int32/int64/bool (ArgMax
// indices, comparison results).
std::vector<data::InputSpec> output_specs(const ir::Model &model) {
  std::vector<data::InputSpec> specs;
  for (int32_t index : model.outputs) {
    const ir::Tensor &tensor = model.tensors.at(index);
    specs.push_back({tensor.name, tensor.dtype, tensor.shape});
  }
  return specs;
}

int run_run(const RunArgs &args) {
  ir::Model model = format::read_model_file(args.model);
  quant::fold_converter_constants(model);
  auto inputs = data::input_specs(model);
  for (const data::InputSpec &input : inputs)
    if (input.dtype != ir::DType::Float32)
      throw UnsupportedError(fmt::format("{}: input '{}' is {}; run feeds float32 inputs only",
                                         args.model, input.name, ir::dtype_name(input.dtype)));
  auto dataset = data::open_dataset(args.data, inputs);
  interp::Interpreter interpreter(model);
  size_t count = 0;
  // The writer stages its file: a failing run (a bad record) leaves a previous output as it was.
  data::H5DatasetWriter writer(args.output, output_specs(model));
  data::Record record;
  std::vector<float> values;
  while (dataset->next(record)) {
    for (size_t i = 0; i < record.inputs.size(); ++i) {
      values.resize(record.inputs[i].size() / sizeof(float));
      std::memcpy(values.data(), record.inputs[i].data(), values.size() * sizeof(float));
      interpreter.set_input(i, values);
    }
    interpreter.run();
    data::Record outputs{record.id, {}};
    for (size_t o = 0; o < model.outputs.size(); ++o) {
      auto bytes = interpreter.output_bytes(o);
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
      "run", "Run the float interpreter over a dataset and write the outputs to HDF5");
  command->add_option("model", args->model, "float model")->required()->check(CLI::ExistingFile);
  command->add_option("--data", args->data, "dataset: .h5, folder of .txt or .npy, or one .txt")
      ->required()
      ->check(CLI::ExistingPath);
  command->add_option("-o,--output", args->output, "HDF5 file to write (/value/<record>/<output>)")
      ->required();
  command->callback([args, &action] { action = [args] { return run_run(*args); }; });
}

} // namespace qgold::cli
