#include "harness/suite/case_flow.h"

#include "data/dataset.h"
#include "harness/golden/safe_name.h"
#include "harness/suite/check.h"
#include "harness/util/parallel.h"
#include "recipe/recipe.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <exception>
#include <mutex>
#include <set>

namespace qgold::harness {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

bool has(const std::vector<Step> &steps, Step step) {
  return std::find(steps.begin(), steps.end(), step) != steps.end();
}

// Isolated quantization: the record_minmax goldens stand in for calibration.
void feed_recorded_ranges(ir::Model &model, const std::vector<GoldenFile> &ranges,
                          const CasePlan &plan) {
  auto stems = golden_stems(model);
  for (const GoldenFile &file : ranges) {
    auto tensor = stems.find(file.stem);
    if (tensor == stems.end())
      throw InputError(
          fmt::format("{}: no tensor of the model has this golden's name", file.path.string()));
    const Golden &golden = file.golden;
    if (!golden.min || !golden.max || golden.min->size() != 1 || golden.max->size() != 1)
      throw SuiteError(
          fmt::format("{}: a recorded range needs one min and one max value", file.path.string()));
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
                                   plan.settings.id, tensor.name,
                                   (plan.goldens_dir / std::string(step_name(Step::RecordMinMax)) /
                                    golden_file_name(tensor.name))
                                       .string()));
  }
}

// The calibration records are the suite's files: one that cannot be read, or
// that holds NaN or Inf, is a broken suite (SuiteError), not a failure of the
// backend. Missing records are left for the backend to report.
void check_suite_inputs(const CaseSettings &c, const ir::Model &model) {
  if (!fs::is_directory(c.inputs_dir))
    return;
  const std::vector<data::InputSpec> specs = data::input_specs(model);
  try {
    auto dataset = data::open_dataset(c.inputs_dir, specs);
    data::Record record;
    std::vector<float> values;
    while (dataset->next(record))
      for (size_t i = 0; i < specs.size(); ++i) {
        if (specs[i].dtype != ir::DType::Float32)
          continue;
        values.resize(record.inputs[i].size() / sizeof(float));
        std::memcpy(values.data(), record.inputs[i].data(), values.size() * sizeof(float));
        auto bad = std::find_if_not(values.begin(), values.end(),
                                    [](float v) { return std::isfinite(v); });
        if (bad != values.end())
          throw SuiteError(
              fmt::format("{}: input {} ('{}') has the non-finite value {} at index {}",
                          record.where(), i, specs[i].name, *bad, bad - values.begin()));
      }
  } catch (const SuiteError &) {
    throw;
  } catch (const InputError &error) {
    throw SuiteError(error.what());
  }
}

const std::vector<GoldenFile> *goldens_of(const CasePlan &plan, Step step) {
  auto goldens = plan.goldens.find(step);
  return goldens == plan.goldens.end() ? nullptr : &goldens->second;
}

} // namespace

ir::DType CaseSettings::quantized_dtype() const { return *ir::dtype_from_name(dtype); }

quant::Granularity CaseSettings::quantized_granularity() const {
  return *quant::granularity_from_name(granularity);
}

void run_case_steps(const CasePlan &plan, StepBackend &backend,
                    const std::function<void(Step, const ir::Model &)> &after_step,
                    const std::function<void(const InferenceOutput &)> &after_inference) {
  std::string current = "recipe";
  try {
    const ir::Model float_model = recipe::build_model(recipe::load_recipe(plan.recipe_file));
    ir::Model model = float_model;
    for (Step step : plan.steps) {
      if (step == Step::Quantization && plan.fed_ranges) {
        current = step_name(Step::RecordMinMax);
        feed_recorded_ranges(model, *plan.fed_ranges, plan);
      }
      current = step_name(step);
      if (step == Step::Inference) {
        const InferenceOutput output = backend.run_inference(model, plan.settings);
        if (after_inference)
          after_inference(output);
        continue;
      }
      if (step == Step::RecordMinMax) // the recipe's inputs: a backend's model may be wrong
        check_suite_inputs(plan.settings, float_model);
      bool from_float = step == Step::FakeQuantization || step == Step::WoQuantization;
      model = backend.run_step(step, from_float ? float_model : model, plan.settings);
      after_step(step, model);
    }
  } catch (const StepFailure &) {
    throw;
  } catch (const BackendConfigError &) {
    throw;
  } catch (const SuiteError &) {
    throw;
  } catch (const std::exception &error) {
    throw StepFailure(current, error.what());
  }
}

CaseResult verify_case(const CasePlan &plan, StepBackend &backend, const Tolerances &tolerances) {
  CaseResult result;
  result.name = plan.settings.id;
  auto start = Clock::now();
  if (!plan.setup_error.empty()) {
    result.error = plan.setup_error;
    result.error_step = "setup";
    result.seconds = seconds_since(start);
    return result;
  }
  std::set<Step> checked;
  // The goldens of `step`, or none when it has none or the backend skips it.
  auto goldens_to_check = [&](Step step) -> const std::vector<GoldenFile> * {
    checked.insert(step);
    const std::vector<GoldenFile> *goldens = goldens_of(plan, step);
    if (!goldens)
      return nullptr;
    if (std::string reason = backend.skip_reason(step); !reason.empty()) {
      for (const GoldenFile &file : *goldens)
        result.checks.push_back({step, file.stem, "", {}, reason});
      return nullptr;
    }
    return goldens;
  };
  try {
    run_case_steps(
        plan, backend,
        [&](Step step, const ir::Model &model) {
          if (const std::vector<GoldenFile> *goldens = goldens_to_check(step))
            for (GoldenCheck &check : check_goldens(step, *goldens, model, tolerances,
                                                    goldens_of(plan, Step::Quantization)))
              result.checks.push_back(std::move(check));
        },
        [&](const InferenceOutput &output) {
          if (const std::vector<GoldenFile> *goldens = goldens_to_check(Step::Inference))
            for (GoldenCheck &check : check_inference(*goldens, output, tolerances))
              result.checks.push_back(std::move(check));
        });
  } catch (const StepFailure &failure) {
    result.error = failure.what();
    result.error_step = failure.step;
    for (const auto &[step, goldens] : plan.goldens)
      if (!checked.contains(step))
        result.unchecked += goldens.size();
  }
  result.seconds = seconds_since(start);
  return result;
}

SuiteResult verify_cases(const fs::path &root, const std::vector<CasePlan> &plans,
                         const Tolerances &tolerances, unsigned jobs,
                         const BackendFactory &make_backend) {
  SuiteResult result;
  result.dir = root;
  result.tolerances = tolerances;
  result.cases.resize(plans.size());
  std::mutex mutex;
  std::exception_ptr stop; // the first error that stops the run
  auto stop_with_current = [&] {
    std::lock_guard lock(mutex);
    if (!stop)
      stop = std::current_exception();
  };
  parallel_for(plans.size(), jobs, [&](size_t i) {
    {
      std::lock_guard lock(mutex);
      if (stop)
        return;
    }
    try {
      std::unique_ptr<StepBackend> backend = make_backend();
      result.cases[i] = verify_case(plans[i], *backend, tolerances);
    } catch (const BackendConfigError &) {
      stop_with_current();
    } catch (const SuiteError &) {
      stop_with_current();
    } catch (const std::exception &error) {
      result.cases[i].name = plans[i].settings.id;
      result.cases[i].error = error.what();
      result.cases[i].error_step = "setup";
    }
  });
  if (stop)
    std::rethrow_exception(stop);
  return result;
}

CaseResult check_model(const CasePlan &plan, const ir::Model &model, const Tolerances &tolerances) {
  CaseResult result;
  result.name = plan.settings.id;
  auto start = Clock::now();
  Step step = quantized_model_step(has(plan.steps, Step::Quantization),
                                   has(plan.steps, Step::WoQuantization), model);
  const std::vector<GoldenFile> *goldens = goldens_of(plan, step);
  result.error_step = std::string(step_name(step));
  if (!plan.setup_error.empty()) {
    result.error = plan.setup_error;
  } else if (!goldens) {
    result.error =
        fmt::format("{}: golden folder missing{}", (plan.goldens_dir / result.error_step).string(),
                    plan.missing_goldens_hint);
  } else if (!has_quantized_tensor(model)) {
    result.error = fmt::format("model has no quantized tensors: expected the output of the {} "
                               "step",
                               result.error_step);
    result.unchecked = goldens->size();
  } else {
    result.checks = check_goldens(step, *goldens, model, tolerances);
    result.error_step.clear();
  }
  result.seconds = seconds_since(start);
  return result;
}

} // namespace qgold::harness
