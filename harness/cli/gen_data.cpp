#include "harness/cli/commands.h"

#include "data/dataset.h"
#include "format/model_file.h"
#include "interp/quantized_io.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <cstring>
#include <iostream>
#include <memory>
#include <random>

namespace qgold::cli {

namespace {
struct GenDataArgs {
  std::string model, output;
  size_t records = 0;
  uint64_t seed = 0;
  float min = 0.0f, max = 1.0f;
};

// Uniform float in [min, max) from the top 24 bits of one mt19937_64 output;
// std::uniform_real_distribution is avoided because its algorithm differs
// between standard libraries, and the data must be the same everywhere.
float uniform(std::mt19937_64 &engine, float min, float max) {
  const float unit = static_cast<float>(engine() >> 40) * (1.0f / 16777216.0f);
  return min + unit * (max - min);
}

int run_gen_data(const GenDataArgs &args) {
  if (args.records == 0)
    throw InputError("--records 0: a dataset needs at least one record");
  if (!(args.min <= args.max))
    throw InputError(fmt::format("--min {} must not exceed --max {}", args.min, args.max));
  const ir::Model model = format::read_model_file(args.model);
  const std::vector<data::InputSpec> specs = data::input_specs(model);
  // A quantized input gets the codes of the uniform values (its scale and zero point).
  std::vector<const ir::Tensor *> quantized(specs.size(), nullptr);
  for (size_t i = 0; i < specs.size(); ++i) {
    const ir::Tensor &tensor = model.tensors[static_cast<size_t>(model.inputs[i])];
    if (interp::is_per_tensor_quantized(tensor))
      quantized[i] = &tensor;
    else if (specs[i].dtype != ir::DType::Float32)
      throw UnsupportedError(fmt::format(
          "{}: input '{}' is {} without one scale and zero point; gen-data writes float32 inputs "
          "and the codes of quantized ones",
          args.model, specs[i].name, ir::dtype_name(specs[i].dtype)));
  }
  std::mt19937_64 engine(args.seed);
  data::H5DatasetWriter writer(args.output, specs);
  data::Record record;
  std::vector<float> values;
  // One record at a time: memory stays flat for any --records.
  for (size_t r = 0; r < args.records; ++r) {
    record.id = fmt::format("record {}", r);
    record.inputs.resize(specs.size());
    for (size_t i = 0; i < specs.size(); ++i) {
      values.resize(static_cast<size_t>(ir::num_elements(specs[i].shape)));
      for (float &value : values)
        value = uniform(engine, args.min, args.max);
      if (quantized[i]) {
        record.inputs[i] = interp::quantize_values(*quantized[i], values, record.id);
        continue;
      }
      record.inputs[i].resize(values.size() * sizeof(float));
      if (!values.empty())
        std::memcpy(record.inputs[i].data(), values.data(), record.inputs[i].size());
    }
    writer.append(record);
  }
  writer.close();
  std::cout << "wrote " << args.records << " records to " << args.output << '\n';
  return kExitOk;
}
} // namespace

void add_gen_data_command(CLI::App &app, Action &action) {
  auto args = std::make_shared<GenDataArgs>();
  CLI::App *command = app.add_subcommand(
      "gen-data", "Write a representative dataset of uniform random inputs (ONE's h5 layout); a "
                  "quantized input gets the codes of its values");
  command->add_option("model", args->model, "model whose inputs to generate")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--records", args->records, "number of records")->required();
  command->add_option("--seed", args->seed, "random seed (same seed, same bytes)")->capture_default_str();
  command->add_option("--min", args->min, "smallest value")->capture_default_str();
  command->add_option("--max", args->max, "values are below this")->capture_default_str();
  command->add_option("-o,--output", args->output, "HDF5 file to write")->required();
  command->callback([args, &action] { action = [args] { return run_gen_data(*args); }; });
}

} // namespace qgold::cli
