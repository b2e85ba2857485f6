#include "harness/cli/commands.h"

#include "format/model_file.h"
#include "recipe/recipe.h"

#include <iostream>
#include <memory>

namespace qgold::cli {

namespace {
struct BuildArgs {
  std::string recipe, output;
};

int run_build(const BuildArgs &args) {
  ir::Model model = recipe::build_model(recipe::load_recipe(args.recipe));
  format::write_model_file(model, args.output);
  std::cout << "wrote " << args.output << '\n';
  return kExitOk;
}
} // namespace

void add_build_command(CLI::App &app, Action &action) {
  auto args = std::make_shared<BuildArgs>();
  CLI::App *command = app.add_subcommand("build", "Cook a recipe into a Circle or TFLite model");
  command->add_option("recipe", args->recipe, "tflchef text recipe or qgold YAML recipe")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("-o,--output", args->output, "model to write (.circle or .tflite)")->required();
  command->callback([args, &action] { action = [args] { return run_build(*args); }; });
}

} // namespace qgold::cli
