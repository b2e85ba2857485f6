#include "harness/cli/commands.h"
#include "harness/cli/options.h"

#include "format/model_file.h"

#include <iostream>
#include <memory>

namespace qgold::cli {

namespace {
struct FakeQuantArgs {
  std::string input, output, dtype, granularity, config;
};

int run_fake_quant(const FakeQuantArgs &args) {
  auto qconf = load_optional_qconf(args.config);
  ir::Model model = format::read_model_file(args.input);
  quant::check_float_model(model, args.input);
  quant::fake_quantize(model, to_dtype(args.dtype), to_granularity(args.granularity),
                       qconf ? &*qconf : nullptr);
  format::write_model_file(model, args.output);
  std::cout << "wrote " << args.output << '\n';
  return kExitOk;
}
} // namespace

void add_fake_quant_command(CLI::App &app, Action &action) {
  auto args = std::make_shared<FakeQuantArgs>();
  CLI::App *command = app.add_subcommand(
      "fake-quant", "Quantize-dequantize the float weights (circle-quantizer "
                    "--quantize_dequantize_weights)");
  command->add_option("model", args->input, "float model")->required()->check(CLI::ExistingFile);
  command->add_option("-o,--output", args->output, "model to write")->required();
  add_dtype_option(*command, "--dtype", args->dtype, {"uint8", "int16", "int8"}, "weight dtype")
      ->required();
  add_granularity_option(*command, args->granularity, {"layer", "channel"})->required();
  command->add_option("--config", args->config, "mixed-precision qconf.json")
      ->check(CLI::ExistingFile);
  command->callback([args, &action] { action = [args] { return run_fake_quant(*args); }; });
}

} // namespace qgold::cli
