#include "harness/cli/commands.h"
#include "harness/cli/options.h"

#include "format/model_file.h"

#include <iostream>
#include <memory>

namespace qgold::cli {

namespace {
struct QuantizeArgs {
  std::string input, output, dtype, granularity, config, input_type, output_type;
  bool save_min_max = false;
};

int run_quantize(const QuantizeArgs &args) {
  auto qconf = load_optional_qconf(args.config);
  quant::QuantizeOptions options;
  options.dtype = to_dtype(args.dtype);
  options.granularity = to_granularity(args.granularity);
  if (!args.input_type.empty())
    options.input_type = to_dtype(args.input_type);
  if (!args.output_type.empty())
    options.output_type = to_dtype(args.output_type);
  options.qconf = qconf ? &*qconf : nullptr;
  options.save_min_max = args.save_min_max;
  ir::Model model = format::read_model_file(args.input);
  quant::check_float_model(model, args.input);
  quant::quantize_with_minmax(model, options);
  format::write_model_file(model, args.output);
  std::cout << "wrote " << args.output << '\n';
  return kExitOk;
}
} // namespace

void add_quantize_command(CLI::App &app, Action &action) {
  auto args = std::make_shared<QuantizeArgs>();
  CLI::App *command = app.add_subcommand(
      "quantize", "Quantize a calibrated model (circle-quantizer --quantize_with_minmax)");
  command->add_option("model", args->input, "model with recorded min/max")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("-o,--output", args->output, "model to write")->required();
  add_dtype_option(*command, "--dtype", args->dtype, {"uint8", "int16", "int8"},
                   "quantized dtype (int8: TFLite's full-integer scheme)")
      ->required();
  add_granularity_option(*command, args->granularity, {"layer", "channel"})->required();
  command->add_option("--config", args->config, "mixed-precision qconf.json")
      ->check(CLI::ExistingFile);
  const std::vector<std::string> io_types = {"float32", "uint8", "int16", "int8"};
  add_dtype_option(*command, "--input-type", args->input_type, io_types,
                   "dtype of the model inputs (default: --dtype)");
  add_dtype_option(*command, "--output-type", args->output_type, io_types,
                   "dtype of the model outputs (default: --dtype)");
  command->add_flag("--save-min-max", args->save_min_max, "keep min/max in the quantized tensors");
  command->callback([args, &action] { action = [args] { return run_quantize(*args); }; });
}

} // namespace qgold::cli
