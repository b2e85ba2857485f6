#include "harness/bundled/suite.h"

#include "harness/util/patterns.h"

#include "ir/error.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace qgold::harness {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kConfigSuffix = "_config";

// The circle-quantizer --config document of a test's qconf list.
std::string qconf_json(const recipe::TestConfig &test) {
  nlohmann::ordered_json layers = nlohmann::ordered_json::array();
  for (const recipe::QConfLayer &layer : test.qconf) {
    nlohmann::ordered_json entry;
    if (layer.single_name && layer.names.size() == 1)
      entry["name"] = layer.names[0];
    else
      entry["names"] = layer.names;
    entry["dtype"] = recipe::test_dtype_name(layer.dtype);
    entry["granularity"] = layer.granularity;
    layers.push_back(std::move(entry));
  }
  nlohmann::ordered_json document;
  document["layers"] = std::move(layers);
  return document.dump(2) + "\n";
}

void add_test(std::map<std::string, BundledCase> &cases, const recipe::Recipe &recipe,
              const fs::path &file, const recipe::TestConfig &test) {
  BundledCase c;
  c.name = recipe.name + (test.qconf.empty() ? "" : std::string(kConfigSuffix));
  c.granularity = test.granularity;
  c.dtype = recipe::test_dtype_name(test.dtype);
  c.recipe_file = file;
  c.calibration = recipe.calibration.value_or(recipe::Calibration{});
  if (!c.calibration.seed)
    c.calibration.seed = recipe.seed;
  if (!test.qconf.empty()) {
    c.qconf_json = qconf_json(test);
    c.qconf = quant::parse_qconf(c.qconf_json, test.location.to_string());
  }
  auto [slot, inserted] = cases.try_emplace(c.id(), c);
  (test.weights_only ? slot->second.weights_only : slot->second.full) = true;
  if (!inserted && slot->second.recipe_file != file)
    throw InputError(fmt::format("{}: case {} is also defined by {} (recipe names must differ)",
                                 test.location.to_string(), c.id(),
                                 slot->second.recipe_file.string()));
}

} // namespace

std::string BundledCase::id() const { return name + "/" + granularity + "/" + dtype; }

std::vector<Step> BundledCase::steps() const {
  std::vector<Step> steps;
  if (full)
    steps = {Step::FakeQuantization, Step::RecordMinMax, Step::Quantization, Step::Inference};
  if (weights_only)
    steps.push_back(Step::WoQuantization);
  return steps;
}

fs::path BundledSuite::inputs_dir(const BundledCase &c) const {
  return root / "test_inputs" / c.name / c.granularity / c.dtype;
}

fs::path BundledSuite::goldens_dir(const BundledCase &c) const {
  return root / "expected_outputs" / c.name / c.granularity / c.dtype;
}

fs::path BundledSuite::step_dir(const BundledCase &c, Step step) const {
  return goldens_dir(c) / std::string(step_name(step));
}

BundledSuite load_bundled_suite(const fs::path &root) {
  fs::path recipes = root / "recipes";
  if (!fs::is_directory(recipes))
    throw InputError(fmt::format("{}: no recipes folder (expected the qgold repository root)",
                                 root.string()));
  std::vector<fs::path> files;
  for (const auto &entry : fs::directory_iterator(recipes))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::map<std::string, BundledCase> cases;
  std::map<std::string, fs::path> recipe_names;
  for (const fs::path &file : files) {
    recipe::Recipe recipe = recipe::load_recipe(file);
    if (recipe.tests.empty())
      continue;
    if (recipe.name.empty() || recipe.name.find('/') != std::string::npos ||
        recipe.name.starts_with(".") || recipe.name.ends_with(kConfigSuffix))
      throw InputError(fmt::format("{}: recipe name '{}' cannot name a case folder (no '/', no "
                                   "leading '.', no '{}' suffix)",
                                   file.string(), recipe.name, kConfigSuffix));
    auto [other, inserted] = recipe_names.try_emplace(recipe.name, file);
    if (!inserted)
      throw InputError(fmt::format("{}: recipe name '{}' is also used by {}", file.string(),
                                   recipe.name, other->second.string()));
    for (const recipe::TestConfig &test : recipe.tests)
      add_test(cases, recipe, file, test);
  }
  BundledSuite suite;
  suite.root = root;
  for (auto &[id, c] : cases)
    suite.cases.push_back(std::move(c));
  return suite;
}

std::vector<BundledCase> select_cases(const BundledSuite &suite,
                                      const std::vector<std::string> &patterns) {
  std::vector<std::vector<std::string>> names;
  for (const BundledCase &c : suite.cases)
    names.push_back({c.id(), c.name});
  std::vector<BundledCase> selected;
  for (size_t i : select_by_patterns(
           names, patterns,
           fmt::format("the bundled suite ({}/recipes)", suite.root.string())))
    selected.push_back(suite.cases[i]);
  return selected;
}

} // namespace qgold::harness
