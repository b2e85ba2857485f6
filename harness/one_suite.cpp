#include "harness/golden_calibration.h"
#include "harness/one_suite.h"

#include "data/dataset.h"
#include "harness/golden.h"
#include "harness/parallel.h"
#include "harness/safe_name.h"
#include "ir/error.h"
#include "quant/quant.h"
#include "recipe/recipe.h"

#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace qgold::harness {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 4> kStepNames = {"fake_quantization", "record_minmax",
                                                         "quantization", "wo_quantization"};
constexpr std::string_view kConfigSuffix = "_config";

std::vector<std::string> split(const std::string &text, char separator) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, separator))
    parts.push_back(part);
  if (!text.empty() && text.back() == separator)
    parts.emplace_back();
  return parts;
}

std::vector<Step> parse_steps(const std::string &column, const std::string &where) {
  std::vector<Step> steps;
  if (column == "-")
    return steps;
  for (const std::string &name : split(column, ',')) {
    auto step = step_from_name(name);
    if (!step)
      throw InputError(fmt::format("{}: unknown step '{}' (expected fake_quantization, "
                                   "record_minmax, quantization or wo_quantization)",
                                   where, name));
    steps.push_back(*step);
  }
  return steps;
}

bool has(const std::vector<Step> &steps, Step step) {
  return std::find(steps.begin(), steps.end(), step) != steps.end();
}

bool has_step(const SuiteCase &suite_case, Step step) {
  return has(suite_case.chained, step) || has(suite_case.isolated, step);
}

fs::path step_dir(const fs::path &dir, const SuiteCase &suite_case, Step step) {
  return dir / "expected_outputs" / suite_case.recipe / suite_case.granularity / suite_case.dtype /
         std::string(step_name(step));
}

// The golden files of one step of a case; ONE compares only the kernel after
// weights-only quantization.
std::vector<fs::path> step_goldens(const fs::path &dir, const SuiteCase &suite_case, Step step) {
  std::vector<fs::path> files = golden_files(step_dir(dir, suite_case, step));
  if (step == Step::WoQuantization)
    std::erase_if(files, [](const fs::path &file) { return file.stem() != "ker"; });
  return files;
}

CompareOptions compare_options(Step step, const Tolerances &tolerances) {
  CompareOptions compare;
  compare.tolerances = tolerances;
  // ONE checks only weights, scale and zero_point of quantized models.
  compare.compare_min_max = step != Step::Quantization && step != Step::WoQuantization;
  return compare;
}

bool has_quantized_tensor(const ir::Model &model) {
  return std::any_of(model.tensors.begin(), model.tensors.end(), [](const ir::Tensor &tensor) {
    return tensor.dtype != ir::DType::Float32 && tensor.quant && !tensor.quant->scale.empty();
  });
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Runs the steps of one case in order, each feeding the next, and compares
// goldens right after the step that produced them.
class CaseRunner {
public:
  CaseRunner(const fs::path &dir, const SuiteCase &suite_case, const SuiteOptions &options,
             CaseResult &result)
      : dir_(dir), case_(suite_case), options_(options), result_(result) {}

  void run() {
    setup();
    bool quantize = has(case_.chained, Step::Quantization) || has(case_.isolated, Step::Quantization);
    bool record = has(case_.chained, Step::RecordMinMax) || has(case_.chained, Step::Quantization);
    bool fake_quantize = has(case_.chained, Step::FakeQuantization) || record || quantize;

    enter("recipe");
    ir::Model float_model = recipe::build_model(recipe::load_recipe(model_recipe()));
    ir::Model model = float_model;
    if (fake_quantize) {
      enter(Step::FakeQuantization);
      quant::fake_quantize(model, dtype_, granularity_, qconf_ ? &*qconf_ : nullptr);
      check_if_chained(Step::FakeQuantization, model);
    }
    if (record) {
      enter(Step::RecordMinMax);
      auto dataset = data::open_dataset(case_dir("test_inputs"), data::input_specs(model));
      quant::record_minmax(model, *dataset, golden_calibration_options());
      check_if_chained(Step::RecordMinMax, model);
    } else if (quantize) {
      enter(Step::RecordMinMax);
      feed_recorded_ranges(model);
    }
    if (quantize) {
      enter(Step::Quantization);
      quant::QuantizeOptions quantize_options;
      quantize_options.dtype = dtype_;
      quantize_options.granularity = granularity_;
      quantize_options.qconf = qconf_ ? &*qconf_ : nullptr;
      quant::quantize_with_minmax(model, quantize_options);
      check(Step::Quantization, model);
    }
    if (has(case_.chained, Step::WoQuantization)) {
      enter(Step::WoQuantization);
      quant::quantize_weights(float_model, dtype_, granularity_);
      check(Step::WoQuantization, float_model);
    }
  }

  // Golden files of the steps not compared yet.
  size_t unchecked() const {
    size_t count = 0;
    for (const auto &[step, files] : goldens_)
      if (!checked_.contains(step))
        count += files.size();
    return count;
  }

  const std::string &current_step() const { return step_; }

private:
  std::string base_recipe() const {
    std::string_view name = case_.recipe;
    if (name.ends_with(kConfigSuffix))
      name.remove_suffix(kConfigSuffix.size());
    return std::string(name);
  }
  bool is_config_case() const { return case_.recipe.ends_with(kConfigSuffix); }

  fs::path model_recipe() const { return dir_ / "recipes" / base_recipe() / "test.recipe"; }
  fs::path case_dir(const char *root) const {
    return dir_ / root / case_.recipe / case_.granularity / case_.dtype;
  }
  fs::path step_dir(Step step) const { return harness::step_dir(dir_, case_, step); }

  void setup() {
    enter("setup");
    std::string where = fmt::format("suite.tsv:{}", case_.line);
    auto granularity = quant::granularity_from_name(case_.granularity);
    if (!granularity)
      throw InputError(fmt::format("{}: unknown granularity '{}'", where, case_.granularity));
    auto dtype = ir::dtype_from_name(case_.dtype);
    if (!dtype)
      throw InputError(fmt::format("{}: unknown dtype '{}'", where, case_.dtype));
    granularity_ = *granularity;
    dtype_ = *dtype;
    for (Step step : case_.chained)
      goldens_[step] = step_goldens(dir_, case_, step);
    for (Step step : case_.isolated)
      goldens_[step] = step_goldens(dir_, case_, step);
    if (is_config_case())
      qconf_ = quant::load_qconf(dir_ / "config_files" / base_recipe() / case_.granularity /
                                 case_.dtype / "qconf.json");
  }

  void enter(Step step) { step_ = step_name(step); }
  void enter(std::string step) { step_ = std::move(step); }

  void check_if_chained(Step step, const ir::Model &model) {
    if (has(case_.chained, step))
      check(step, model);
  }

  void check(Step step, const ir::Model &model) {
    auto checks =
        check_goldens(step, goldens_[step], model, compare_options(step, options_.tolerances));
    if (step == Step::RecordMinMax && fs::is_directory(step_dir(Step::Quantization)))
      measure_ranges_in_steps(checks, step_dir(Step::Quantization));
    for (GoldenCheck &golden_check : checks)
      result_.checks.push_back(std::move(golden_check));
    checked_.insert(step);
  }

  // Isolated quantization: the record_minmax goldens stand in for calibration.
  void feed_recorded_ranges(ir::Model &model) {
    auto stems = golden_stems(model);
    fs::path folder = step_dir(Step::RecordMinMax);
    for (const fs::path &file : golden_files(folder)) {
      auto tensor = stems.find(file.stem().string());
      if (tensor == stems.end())
        throw InputError(fmt::format("{}: no tensor of the model has this golden's name",
                                     file.string()));
      Golden golden = read_golden(file);
      if (!golden.min || !golden.max || golden.min->size() != 1 || golden.max->size() != 1)
        throw InputError(fmt::format("{}: a recorded range needs one min and one max value",
                                     file.string()));
      ir::Tensor &target = model.tensors[tensor->second];
      if (!target.quant)
        target.quant.emplace();
      target.quant->min = {static_cast<float>(golden.min->at(0))};
      target.quant->max = {static_cast<float>(golden.max->at(0))};
    }
    for (size_t i = 0; i < model.tensors.size(); ++i) {
      int32_t index = static_cast<int32_t>(i);
      const ir::Tensor &tensor = model.tensors[i];
      bool recorded = model.is_graph_input(index) || model.producer(index) >= 0;
      if (recorded && !tensor.is_constant() && (!tensor.quant || tensor.quant->min.empty()))
        throw InputError(fmt::format("{}: no record_minmax golden for activation '{}' (expected {})",
                                     case_.name(), tensor.name,
                                     (folder / golden_file_name(tensor.name)).string()));
    }
  }

  const fs::path &dir_;
  const SuiteCase &case_;
  const SuiteOptions &options_;
  CaseResult &result_;
  quant::Granularity granularity_ = quant::Granularity::Layer;
  ir::DType dtype_ = ir::DType::UInt8;
  std::optional<quant::QConf> qconf_;
  std::map<Step, std::vector<fs::path>> goldens_;
  std::set<Step> checked_;
  std::string step_;
};

} // namespace

std::string_view step_name(Step step) { return kStepNames[static_cast<size_t>(step)]; }

std::optional<Step> step_from_name(std::string_view name) {
  for (size_t i = 0; i < kStepNames.size(); ++i)
    if (kStepNames[i] == name)
      return static_cast<Step>(i);
  return std::nullopt;
}

std::string SuiteCase::name() const { return recipe + "/" + granularity + "/" + dtype; }

std::vector<SuiteCase> read_suite_tsv(const fs::path &path) {
  std::ifstream in(path);
  if (!in)
    throw InputError(fmt::format("{}: cannot open suite table", path.string()));
  std::vector<SuiteCase> cases;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    std::string where = fmt::format("{}:{}", path.string(), number);
    auto columns = split(line, '\t');
    if (number == 1) {
      if (columns.size() < 5 || columns[0] != "recipe" || columns[3] != "steps_chained" ||
          columns[4] != "steps_isolated")
        throw InputError(fmt::format("{}: expected the header recipe, granularity, dtype, "
                                     "steps_chained, steps_isolated, note",
                                     where));
      continue;
    }
    if (line.find_first_not_of(" \t") == std::string::npos)
      continue;
    if (columns.size() < 5 || columns.size() > 6)
      throw InputError(fmt::format("{}: expected 5 or 6 tab-separated columns, got {}", where,
                                   columns.size()));
    SuiteCase suite_case{columns[0], columns[1], columns[2], parse_steps(columns[3], where),
                         parse_steps(columns[4], where), columns.size() > 5 ? columns[5] : "",
                         number};
    for (Step step : suite_case.isolated)
      if (has(suite_case.chained, step))
        throw InputError(fmt::format("{}: step {} is both chained and isolated", where,
                                     step_name(step)));
    if (suite_case.recipe.empty() || suite_case.recipe.find('/') != std::string::npos ||
        suite_case.recipe.starts_with("."))
      throw InputError(fmt::format("{}: bad recipe name '{}'", where, suite_case.recipe));
    cases.push_back(std::move(suite_case));
  }
  if (number == 0)
    throw InputError(fmt::format("{}: empty suite table", path.string()));
  return cases;
}

std::vector<fs::path> golden_files(const fs::path &folder) {
  if (!fs::is_directory(folder))
    throw InputError(fmt::format("{}: golden folder missing", folder.string()));
  std::vector<fs::path> files;
  for (const auto &entry : fs::directory_iterator(folder))
    if (entry.is_regular_file() && entry.path().extension() == ".json" &&
        !entry.path().filename().string().starts_with("."))
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<GoldenCheck> check_goldens(Step step, const std::vector<fs::path> &files,
                                       const ir::Model &model, const CompareOptions &options) {
  std::vector<GoldenCheck> checks;
  std::map<std::string, int32_t> stems;
  std::string model_error;
  try {
    stems = golden_stems(model);
  } catch (const InputError &error) {
    model_error = error.what(); // two tensors share a golden file name
  }
  for (const fs::path &file : files) {
    GoldenCheck golden_check{step, file.stem().string(), model_error, {}, {}};
    if (model_error.empty()) {
      try {
        Golden golden = read_golden(file);
        auto tensor = stems.find(golden_check.tensor);
        if (tensor == stems.end())
          golden_check.error = "no tensor of the model has this golden's name";
        else
          golden_check.mismatches = compare_golden(golden, model.tensors[tensor->second], options);
      } catch (const InputError &error) {
        golden_check.error = error.what();
      }
    }
    checks.push_back(std::move(golden_check));
  }
  return checks;
}

void measure_ranges_in_steps(std::vector<GoldenCheck> &checks, const fs::path &quantization_dir) {
  for (GoldenCheck &check : checks) {
    std::optional<double> scale;
    for (Mismatch &mismatch : check.mismatches) {
      if ((mismatch.key != "min" && mismatch.key != "max") || mismatch.index < 0 ||
          mismatch.diff_steps)
        continue;
      if (!scale) {
        scale = 0; // looked up once; 0 when no usable scale: the diff stays plain
        try {
          Golden golden = read_golden(quantization_dir / (check.tensor + ".json"));
          if (golden.scale && golden.scale->size() == 1)
            scale = golden.scale->at(0);
        } catch (const InputError &) {
        }
      }
      if (*scale > 0)
        mismatch.diff_steps = mismatch.diff / *scale;
    }
  }
}

size_t CaseResult::passed() const {
  return std::count_if(checks.begin(), checks.end(), [](const GoldenCheck &c) { return c.passed(); });
}

size_t CaseResult::failed() const {
  size_t failed =
      std::count_if(checks.begin(), checks.end(), [](const GoldenCheck &c) { return c.failed(); });
  if (!error.empty())
    failed += std::max<size_t>(unchecked, 1);
  return failed;
}

size_t CaseResult::skipped() const {
  return std::count_if(checks.begin(), checks.end(),
                       [](const GoldenCheck &c) { return !c.skipped.empty(); });
}

size_t SuiteResult::passed() const {
  size_t total = 0;
  for (const CaseResult &c : cases)
    total += c.passed();
  return total;
}

size_t SuiteResult::failed() const {
  size_t total = 0;
  for (const CaseResult &c : cases)
    total += c.failed();
  return total;
}

size_t SuiteResult::skipped() const {
  size_t total = 0;
  for (const CaseResult &c : cases)
    total += c.skipped();
  return total;
}

CaseResult run_one_case(const fs::path &dir, const SuiteCase &suite_case,
                        const SuiteOptions &options) {
  CaseResult result;
  result.name = suite_case.name();
  auto start = std::chrono::steady_clock::now();
  CaseRunner runner(dir, suite_case, options, result);
  try {
    runner.run();
  } catch (const std::exception &error) {
    // Engine bugs are reported like bad input: the suite goes on with the next case.
    result.error = error.what();
    result.error_step = runner.current_step();
    result.unchecked = runner.unchecked();
  }
  result.seconds = seconds_since(start);
  return result;
}

SuiteResult run_one_suite(const fs::path &dir, const SuiteOptions &options) {
  SuiteResult result;
  result.dir = dir;
  std::vector<SuiteCase> cases;
  std::vector<bool> used(options.patterns.size(), false);
  for (SuiteCase &suite_case : read_suite_tsv(dir / "suite.tsv")) {
    bool match = options.patterns.empty();
    for (size_t i = 0; i < options.patterns.size(); ++i)
      if (fnmatch(options.patterns[i].c_str(), suite_case.name().c_str(), 0) == 0 ||
          fnmatch(options.patterns[i].c_str(), suite_case.recipe.c_str(), 0) == 0)
        match = used[i] = true;
    if (match)
      cases.push_back(std::move(suite_case));
  }
  for (size_t i = 0; i < used.size(); ++i)
    if (!used[i])
      throw InputError(fmt::format("pattern '{}' matches no case of {}", options.patterns[i],
                                   (dir / "suite.tsv").string()));
  result.cases.resize(cases.size());
  parallel_for(cases.size(), options.jobs,
               [&](size_t i) { result.cases[i] = run_one_case(dir, cases[i], options); });
  return result;
}

Step quantized_model_step(bool has_quantization, bool has_wo_quantization,
                          const ir::Model &model) {
  bool float_inputs = !model.inputs.empty() &&
                      model.tensors.at(model.inputs[0]).dtype == ir::DType::Float32;
  return has_quantization && !(has_wo_quantization && float_inputs) ? Step::Quantization
                                                                    : Step::WoQuantization;
}

CaseResult check_quantized_model(std::string name, Step step, const std::vector<fs::path> &files,
                                 const ir::Model &model, const Tolerances &tolerances) {
  CaseResult result;
  result.name = std::move(name);
  auto start = std::chrono::steady_clock::now();
  if (has_quantized_tensor(model)) {
    result.checks = check_goldens(step, files, model, compare_options(step, tolerances));
  } else {
    result.error = fmt::format("model has no quantized tensors: expected the output of the {} "
                               "step",
                               step_name(step));
    result.error_step = std::string(step_name(step));
    result.unchecked = files.size();
  }
  result.seconds = seconds_since(start);
  return result;
}

CaseResult check_model_against_one_case(const fs::path &dir, const std::string &case_name,
                                        const ir::Model &model, const Tolerances &tolerances) {
  fs::path table = dir / "suite.tsv";
  for (const SuiteCase &suite_case : read_suite_tsv(table)) {
    if (suite_case.name() != case_name)
      continue;
    bool quantization = has_step(suite_case, Step::Quantization);
    bool wo_quantization = has_step(suite_case, Step::WoQuantization);
    if (!quantization && !wo_quantization)
      throw InputError(fmt::format("{}:{}: case {} has no quantization or wo_quantization "
                                   "goldens to check a model against",
                                   table.string(), suite_case.line, case_name));
    Step step = quantized_model_step(quantization, wo_quantization, model);
    return check_quantized_model(case_name, step, step_goldens(dir, suite_case, step), model,
                                 tolerances);
  }
  throw InputError(fmt::format("--case '{}': no such case in {} (expected RECIPE/GRANULARITY/"
                               "DTYPE of one of its rows)",
                               case_name, table.string()));
}

void print_report(const SuiteResult &result, std::ostream &out) {
  // Skipped goldens by step and reason: how many, in how many cases.
  std::map<std::pair<Step, std::string>, std::pair<size_t, std::set<std::string>>> skipped;
  for (const CaseResult &c : result.cases) {
    for (const GoldenCheck &check : c.checks) {
      if (!check.skipped.empty()) {
        auto &[goldens, cases] = skipped[{check.step, check.skipped}];
        ++goldens;
        cases.insert(c.name);
        continue;
      }
      std::string prefix = fmt::format("FAIL {} {} {}", c.name, step_name(check.step), check.tensor);
      if (!check.error.empty())
        out << prefix << ": " << check.error << '\n';
      std::map<std::string, size_t> lines; // per key
      for (const Mismatch &mismatch : check.mismatches)
        if (++lines[mismatch.key] <= kMaxFailLinesPerKey)
          out << prefix << ' ' << mismatch.describe() << '\n';
      for (const auto &[key, count] : lines)
        if (count > kMaxFailLinesPerKey)
          out << fmt::format("{} {}: {} more mismatches (--json and --junit list them all)\n",
                             prefix, key, count - kMaxFailLinesPerKey);
    }
    if (!c.error.empty())
      out << fmt::format("FAIL {} {}: {}\n", c.name, c.error_step, c.error);
  }
  for (const auto &[step_reason, counts] : skipped)
    out << fmt::format("SKIP {}: {} ({} golden(s) of {} case(s) not checked)\n",
                       step_name(step_reason.first), step_reason.second, counts.first,
                       counts.second.size());
  out << fmt::format("{} passed, {} failed", result.passed(), result.failed());
  if (result.skipped() > 0)
    out << fmt::format(", {} skipped", result.skipped());
  out << '\n';
}

nlohmann::json report_json(const SuiteResult &result) {
  using nlohmann::json;
  json cases = json::array();
  for (const CaseResult &c : result.cases) {
    json checks = json::array();
    for (const GoldenCheck &check : c.checks) {
      json mismatches = json::array();
      for (const Mismatch &m : check.mismatches) {
        json item = {{"key", m.key}, {"index", m.index}};
        if (m.index < 0) {
          item["problem"] = m.problem;
        } else {
          item["expected"] = m.expected;
          item["got"] = m.got;
          item["diff"] = m.diff;
          if (m.diff_steps)
            item["diff_steps"] = *m.diff_steps;
          if (m.scale_allowance)
            item["scale_allowance"] = *m.scale_allowance;
        }
        mismatches.push_back(std::move(item));
      }
      json entry = {{"step", step_name(check.step)},
                    {"tensor", check.tensor},
                    {"passed", check.passed()},
                    {"mismatches", std::move(mismatches)}};
      if (!check.error.empty())
        entry["error"] = check.error;
      if (!check.skipped.empty())
        entry["skipped"] = check.skipped;
      checks.push_back(std::move(entry));
    }
    json entry = {{"name", c.name},
                  {"seconds", c.seconds},
                  {"passed", c.passed()},
                  {"failed", c.failed()},
                  {"skipped", c.skipped()},
                  {"checks", std::move(checks)}};
    if (!c.error.empty()) {
      entry["error"] = c.error;
      entry["error_step"] = c.error_step;
      entry["unchecked"] = c.unchecked;
    }
    cases.push_back(std::move(entry));
  }
  return {{"suite", result.dir.string()},
          {"passed", result.passed()},
          {"failed", result.failed()},
          {"skipped", result.skipped()},
          {"cases", std::move(cases)}};
}

} // namespace qgold::harness
