#include "harness/cli/commands.h"
#include "harness/cli/options.h"

#include "format/model_file.h"

#include <iostream>
#include <memory>

namespace qgold::cli {

namespace {
struct QuantizeWeightsArgs {
  std::string input, output, dtype, granularity = "channel";
};

int run_quantize_weights(const QuantizeWeightsArgs &args) {
  ir::Model model = format::read_model_file(args.input);
  quant::check_float_model(model, args.input);
  quant::quantize_weights(model, to_dtype(args.dtype), to_granularity(args.granularity));
  format::write_model_file(model, args.output);
  std::cout << "wrote " << args.output << '\n';
  return kExitOk;
}
} // namespace

void add_quantize_weights_command(CLI::App &app, Action &action) {
  auto args = std::make_shared<QuantizeWeightsArgs>();
  CLI::App *command = app.add_subcommand(
      "quantize-weights", "Weights-only quantization (circle-quantizer --quantize_weights)");
  command->add_option("model", args->input, "float model")->required()->check(CLI::ExistingFile);
  command->add_option("-o,--output", args->output, "model to write")->required();
  add_dtype_option(*command, "--dtype", args->dtype, {"int8", "int16"}, "weight dtype")->required();
  add_granularity_option(*command, args->granularity, {"channel"})->capture_default_str();
  command->callback([args, &action] { action = [args] { return run_quantize_weights(*args); }; });
}

} // namespace qgold::cli
