#include "harness/cli/commands.h"

#include "harness/util/atomic_file.h"
#include "recipe/recipe.h"

#include <iostream>
#include <memory>

namespace qgold::cli {

namespace {
struct ConvertRecipeArgs {
  std::string input, output;
};

int run_convert_recipe(const ConvertRecipeArgs &args) {
  // Atomic, like every file qgold writes: an interrupted run never leaves half a recipe.
  harness::write_file_atomically(args.output, recipe::to_yaml(recipe::load_recipe(args.input)));
  std::cout << "wrote " << args.output << '\n';
  return kExitOk;
}
} // namespace

void add_convert_recipe_command(CLI::App &app, Action &action) {
  auto args = std::make_shared<ConvertRecipeArgs>();
  CLI::App *command =
      app.add_subcommand("convert-recipe", "Convert a tflchef text recipe to qgold's YAML form");
  command->add_option("recipe", args->input, "tflchef text recipe")->required()->check(CLI::ExistingFile);
  command->add_option("-o,--output", args->output, "YAML recipe to write")->required();
  command->callback([args, &action] { action = [args] { return run_convert_recipe(*args); }; });
}

} // namespace qgold::cli
