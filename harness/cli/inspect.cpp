#include "harness/cli/commands.h"

#include "format/inspect.h"
#include "format/model_file.h"

#include <iostream>
#include <memory>

namespace qgold::cli {

namespace {
struct InspectArgs {
  std::string model;
  bool json = false;
};

int run_inspect(const InspectArgs &args) {
  ir::Model model = format::read_model_file(args.model);
  if (args.json)
    std::cout << format::inspect_json(model).dump(2) << '\n';
  else
    std::cout << format::inspect_text(model);
  return kExitOk;
}
} // namespace

void add_inspect_command(CLI::App &app, Action &action) {
  auto args = std::make_shared<InspectArgs>();
  CLI::App *command = app.add_subcommand("inspect", "Print a model's tensors and operators");
  command->add_option("model", args->model, "Circle or TFLite model")->required()->check(CLI::ExistingFile);
  command->add_flag("--json", args->json, "print JSON instead of text");
  command->callback([args, &action] { action = [args] { return run_inspect(*args); }; });
}

} // namespace qgold::cli
