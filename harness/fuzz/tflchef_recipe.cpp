// libFuzzer target: tflchef text -> parse_tflchef_recipe -> build_model.
#include "harness/fuzz/fuzz_util.h"
#include "recipe/recipe.h"

#include <string>

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  qgold::fuzz::set_fuzz_limits();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  qgold::fuzz::accept_input_errors([&] {
    qgold::recipe::Recipe recipe = qgold::recipe::parse_tflchef_recipe(text, "fuzz.recipe");
    qgold::ir::Model model = qgold::recipe::build_model(recipe);
  });
  return 0;
}
