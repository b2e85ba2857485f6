#include "harness/one/plan.h"

#include "harness/one/suite_tsv.h"
#include "harness/util/atomic_file.h"
#include "harness/util/patterns.h"

#include <fmt/format.h>

#include <algorithm>

namespace qgold::harness {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kConfigSuffix = "_config";

bool has(const std::vector<Step> &steps, Step step) {
  return std::find(steps.begin(), steps.end(), step) != steps.end();
}

// Where a row's files are.
struct RowFiles {
  RowFiles(const fs::path &dir, const OneCase &row) : dir(dir), row(row) {
    std::string_view model = row.recipe;
    if (model.ends_with(kConfigSuffix))
      model.remove_suffix(kConfigSuffix.size());
    base = model;
  }
  bool is_config() const { return row.recipe.ends_with(kConfigSuffix); }
  fs::path recipe() const { return dir / "recipes" / base / "test.recipe"; }
  fs::path qconf() const {
    return dir / "config_files" / base / row.granularity / row.dtype / "qconf.json";
  }
  fs::path case_dir(const char *root) const {
    return dir / root / row.recipe / row.granularity / row.dtype;
  }
  fs::path step_dir(Step step) const {
    return case_dir("expected_outputs") / std::string(step_name(step));
  }
  std::string where() const { return fmt::format("{}:{}", (dir / "suite.tsv").string(), row.line); }

  const fs::path &dir;
  const OneCase &row;
  std::string base; // the model's recipe name
};

struct RowSteps {
  explicit RowSteps(const OneCase &row) {
    quantize = has(row.chained, Step::Quantization) || has(row.isolated, Step::Quantization);
    record = has(row.chained, Step::RecordMinMax) || has(row.chained, Step::Quantization);
    bool fake = has(row.chained, Step::FakeQuantization) ||
                has(row.isolated, Step::FakeQuantization) || record || quantize;
    if (fake)
      run.push_back(Step::FakeQuantization);
    if (record)
      run.push_back(Step::RecordMinMax);
    if (quantize)
      run.push_back(Step::Quantization);
    if (has(row.chained, Step::WoQuantization) || has(row.isolated, Step::WoQuantization))
      run.push_back(Step::WoQuantization);
    for (Step step : run)
      if (has(row.chained, step) || has(row.isolated, step))
        checked.push_back(step);
  }
  bool feeds_ranges() const { return quantize && !record; }

  bool quantize = false, record = false;
  std::vector<Step> run, checked;
};

void require(const fs::path &path, bool exists, const RowFiles &files, const std::string &what) {
  if (!exists)
    throw SuiteError(fmt::format("{}: case {}: {} {} does not exist", files.where(),
                                 files.row.name(), what, path.string()));
}

// Every file the row needs exists.
void check_row(const fs::path &dir, const OneCase &row) {
  RowFiles files(dir, row);
  RowSteps steps(row);
  require(files.recipe(), fs::is_regular_file(files.recipe()), files, "recipe");
  if (files.is_config())
    require(files.qconf(), fs::is_regular_file(files.qconf()), files, "qconf file");
  for (Step step : steps.checked)
    require(files.step_dir(step), fs::is_directory(files.step_dir(step)), files,
            fmt::format("{} golden folder", step_name(step)));
  if (steps.feeds_ranges())
    require(files.step_dir(Step::RecordMinMax),
            fs::is_directory(files.step_dir(Step::RecordMinMax)), files,
            "record_minmax golden folder (the ranges an isolated quantization is fed)");
  if (steps.record)
    require(files.case_dir("test_inputs"), fs::is_directory(files.case_dir("test_inputs")), files,
            "test inputs folder (record_minmax reads it)");
}

std::vector<OneCase> read_checked_table(const fs::path &dir) {
  std::vector<OneCase> rows = read_suite_tsv(dir / "suite.tsv");
  for (const OneCase &row : rows)
    check_row(dir, row);
  return rows;
}

CasePlan plan_row(const fs::path &dir, const OneCase &row) {
  RowFiles files(dir, row);
  RowSteps steps(row);
  CasePlan plan;
  plan.settings.id = row.name();
  plan.settings.granularity = row.granularity;
  plan.settings.dtype = row.dtype;
  plan.settings.inputs_dir = files.case_dir("test_inputs");
  if (files.is_config()) {
    FileText text = read_file_text(files.qconf());
    try {
      plan.settings.qconf = quant::parse_qconf(text.text, files.qconf().string());
    } catch (const InputError &error) {
      throw SuiteError(error.what());
    }
    plan.settings.qconf_json = text.text;
  }
  plan.recipe_file = files.recipe();
  plan.steps = steps.run;
  plan.goldens_dir = files.case_dir("expected_outputs");
  if (steps.feeds_ranges())
    plan.fed_ranges = read_golden_folder(files.step_dir(Step::RecordMinMax));
  for (Step step : steps.checked) {
    std::vector<GoldenFile> goldens = read_golden_folder(files.step_dir(step));
    // ONE compares only the kernel after weights-only quantization.
    if (step == Step::WoQuantization)
      std::erase_if(goldens, [](const GoldenFile &file) { return file.stem != "ker"; });
    plan.goldens[step] = std::move(goldens);
  }
  return plan;
}

} // namespace

std::vector<CasePlan> plan_one_cases(const fs::path &dir,
                                     const std::vector<std::string> &patterns) {
  std::vector<OneCase> rows = read_checked_table(dir);
  std::vector<std::vector<std::string>> names;
  for (const OneCase &row : rows)
    names.push_back({row.name(), row.recipe});
  std::vector<CasePlan> plans;
  for (size_t i : select_by_patterns(names, patterns, (dir / "suite.tsv").string()))
    plans.push_back(plan_row(dir, rows[i]));
  return plans;
}

CasePlan plan_one_model_case(const fs::path &dir, const std::string &case_name) {
  fs::path table = dir / "suite.tsv";
  for (const OneCase &row : read_checked_table(dir)) {
    if (row.name() != case_name)
      continue;
    RowSteps steps(row);
    if (!has(steps.checked, Step::Quantization) && !has(steps.checked, Step::WoQuantization))
      throw InputError(fmt::format("{}:{}: case {} has no quantization or wo_quantization "
                                   "goldens to check a model against",
                                   table.string(), row.line, case_name));
    return plan_row(dir, row);
  }
  throw InputError(fmt::format("--case '{}': no such case in {} (expected RECIPE/GRANULARITY/"
                               "DTYPE of one of its rows)",
                               case_name, table.string()));
}

} // namespace qgold::harness
