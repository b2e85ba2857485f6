// Every operator of the registry is used by a bundled recipe (recipes/*.yaml),
// goes through the Circle writer and reader (and TFLite's unless it is
// Circle-only) unchanged, and has a float kernel that binds (every op has an
// integer binder too: binders_quantized.h declares one per ops.lst row).

#include "format/model_file.h"
#include "interp/dispatch.h"
#include "interp/interpreter.h"
#include "ir/error.h"
#include "ir/op_registry.h"
#include "recipe/recipe.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

namespace qgold::interp {
namespace {

// Ops the quantizer inserts; a float model has no use for them.
bool inserted_by_the_quantizer(ir::OpCode code) {
  const ir::OutputKind kind = ir::op_info(code).output_kind;
  return kind == ir::OutputKind::Quantized || kind == ir::OutputKind::Float;
}

TEST(RegistryCoverage, ADensifyLeftInAModelSaysItIsFolded) {
  ir::Model model;
  model.operators.push_back({ir::OpCode::Densify, {}, {}, ir::default_options(ir::OpCode::Densify)});
  TensorBuffers buffers;
  for (bool integer : {false, true}) {
    try {
      integer ? bind_quantized_kernel(Operands(model, 0, buffers))
              : bind_kernel(Operands(model, 0, buffers));
      ADD_FAILURE() << "Densify bound a kernel";
    } catch (const UnsupportedError &e) {
      EXPECT_NE(std::string(e.what()).find("densified when the model is read"), std::string::npos)
          << e.what();
    }
  }
}

std::map<ir::OpCode, std::filesystem::path> first_recipe_of_each_op() {
  std::map<ir::OpCode, std::filesystem::path> found;
  for (const auto &entry : std::filesystem::directory_iterator(std::filesystem::path(QGOLD_SOURCE_DIR) / "recipes")) {
    if (entry.path().extension() != ".yaml")
      continue;
    for (const recipe::Operation &op : recipe::load_recipe(entry.path()).operations)
      if (!found.contains(op.code) || entry.path() < found[op.code])
        found[op.code] = entry.path();
  }
  return found;
}

TEST(RegistryCoverage, EveryOpHasABundledRecipeThatRoundTripsAndRuns) {
  const auto recipes = first_recipe_of_each_op();
  for (ir::OpCode code : ir::all_ops()) {
    const std::string name(ir::op_name(code));
    SCOPED_TRACE(name);
    if (inserted_by_the_quantizer(code) || code == ir::OpCode::Densify ||
        code == ir::OpCode::Custom) // Densify is folded, Custom read and written, never run
      continue;
    ASSERT_TRUE(recipes.contains(code)) << "no recipes/*.yaml uses " << name;
    const ir::Model model = recipe::build_model(recipe::load_recipe(recipes.at(code)));
    for (auto format : {format::FileFormat::Circle, format::FileFormat::TFLite}) {
      if (format == format::FileFormat::TFLite && ir::op_info(code).circle_only)
        continue;
      const ir::Model back = format::deserialize(format::serialize(model, format), name);
      ASSERT_EQ(back.operators.size(), model.operators.size());
      for (size_t i = 0; i < model.operators.size(); ++i) {
        EXPECT_EQ(back.operators[i].code, model.operators[i].code);
        EXPECT_EQ(back.operators[i].options, model.operators[i].options) << "operator " << i;
        EXPECT_EQ(back.operators[i].inputs, model.operators[i].inputs);
      }
    }
    EXPECT_NO_THROW(Interpreter{model});
  }
}

} // namespace
} // namespace qgold::interp
