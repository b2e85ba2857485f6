#include "harness/cli/commands.h"

#include "harness/util/atomic_file.h"
#include "recipe/recipe.h"

#include <filesystem>
#include <iostream>
#include <memory>

namespace qgold::cli {

namespace {
struct ConvertRecipeArgs {
  std::string input, output;
};

// The output's extension picks the language, as load_recipe's does for the input.
int run_convert_recipe(const ConvertRecipeArgs &args) {
  recipe::Recipe recipe = recipe::load_recipe(args.input);
  const std::string extension = std::filesystem::path(args.output).extension().string();
  const bool yaml = extension == ".yaml" || extension == ".yml";
  // Atomic, like every file qgold writes: an interrupted run never leaves half a recipe.
  harness::write_file_atomically(args.output, yaml ? recipe::to_yaml(recipe) : recipe::to_tflchef(recipe));
  std::cout << "wrote " << args.output << '\n';
  return kExitOk;
}
} // namespace

void add_convert_recipe_command(CLI::App &app, Action &action) {
  auto args = std::make_shared<ConvertRecipeArgs>();
  CLI::App *command =
      app.add_subcommand("convert-recipe", "Convert a recipe between tflchef text and qgold's YAML form");
  command->add_option("recipe", args->input, "recipe (.yaml/.yml: YAML, else tflchef text)")
      ->required()
      ->check(CLI::ExistingFile);
  command
      ->add_option("-o,--output", args->output,
                   "recipe to write: YAML for .yaml/.yml, tflchef text otherwise (random fillers "
                   "written as explicit values)")
      ->required();
  command->callback([args, &action] { action = [args] { return run_convert_recipe(*args); }; });
}

} // namespace qgold::cli
