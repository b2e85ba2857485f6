#include "harness/bundled/regen.h"

#include "harness/backend/engine_backend.h"
#include "harness/bundled/inputs.h"
#include "harness/bundled/plan.h"
#include "harness/bundled/step_goldens.h"
#include "harness/golden/golden.h"
#include "harness/golden/steps.h"
#include "harness/suite/golden_files.h"
#include "harness/util/atomic_file.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace qgold::harness {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::pair<const char *, std::optional<GoldenArray> Golden::*>, 6> kKeys = {{
    {"weights", &Golden::weights},
    {"scale", &Golden::scale},
    {"zero_point", &Golden::zero_point},
    {"min", &Golden::min},
    {"max", &Golden::max},
    {"codes", &Golden::codes},
}};

// The quantization step of element `index` of `values` (key `key`), if known.
std::optional<double> element_step(const std::string &key, const GoldenArray &values,
                                   size_t index, const ChangeMeasure &measure) {
  if (values.integral)
    return 1.0; // codes
  if (!measure.scale)
    return std::nullopt;
  if (key == "weights")
    return element_scale(*measure.scale, values.shape, measure.axis, index);
  // min, max (scalars) and per-channel lists, element by element
  return element_scale(*measure.scale, {static_cast<int32_t>(values.size())}, 0, index);
}

// Folders expected_outputs/<case>/<granularity>/<dtype> of no case of `suite`.
std::vector<std::string> orphan_cases(const BundledSuite &suite) {
  std::set<std::string> ids;
  for (const BundledCase &c : suite.cases)
    ids.insert(c.id());
  std::vector<std::string> orphans;
  std::error_code error;
  fs::path root = suite.root / "expected_outputs";
  for (const auto &name : fs::directory_iterator(root, error))
    for (const auto &granularity : fs::directory_iterator(name.path(), error))
      for (const auto &dtype : fs::directory_iterator(granularity.path(), error)) {
        std::string id = fs::relative(dtype.path(), root).generic_string();
        if (dtype.is_directory() && !ids.contains(id))
          orphans.push_back(id);
      }
  std::sort(orphans.begin(), orphans.end());
  return orphans;
}

class CaseRegenerator {
public:
  CaseRegenerator(const BundledSuite &suite, const BundledCase &c, const RegenOptions &options,
                  RegenReport &report)
      : suite_(suite), case_(c), options_(options), report_(report) {}

  void run() {
    fs::path inputs_dir = prepare_inputs();
    EngineBackend engine;
    std::map<Step, StepGoldens> generated;
    run_case_steps(
        plan_bundled_run(suite_, case_, inputs_dir), engine,
        [&](Step step, const ir::Model &model) { generated[step] = step_goldens(step, model); },
        [&](const InferenceOutput &output) {
          generated[Step::Inference] = inference_goldens(output);
        });
    std::vector<OutputEffect> effects = end_to_end_effects(generated, inputs_dir);
    if (temp_inputs_)
      fs::remove_all(*temp_inputs_);
    bool existed = fs::exists(suite_.goldens_dir(case_));
    size_t before = report_.tensors.size();
    for (const auto &[step, goldens] : generated)
      update_step(step, goldens, generated);
    remove_dropped_steps(generated);
    if (!existed)
      report_.cases_added.push_back(case_.id());
    else if (report_.tensors.size() > before) {
      report_.cases_changed.push_back(case_.id());
      report_.effects.insert(report_.effects.end(), effects.begin(), effects.end());
    } else
      ++report_.cases_unchanged;
  }

  ~CaseRegenerator() {
    std::error_code error;
    if (temp_inputs_)
      fs::remove_all(*temp_inputs_, error);
  }

private:
  // The folder record_minmax reads: the case's test_inputs, or a temporary
  // copy of the generated records when they may not be written (--check) yet.
  fs::path prepare_inputs() {
    if (!case_.full)
      return suite_.inputs_dir(case_);
    const ir::Model model = recipe::build_model(recipe::load_recipe(case_.recipe_file));
    std::vector<std::string> records = generate_input_records(model, case_.calibration);
    fs::path dir = suite_.inputs_dir(case_);
    bool complete = true;
    for (size_t n = 0; n < records.size(); ++n) {
      fs::path file = dir / fmt::format("{}.txt", n);
      FileText text = read_file_text(file);
      bool write = !text.exists || (options_.inputs && text.text != records[n]);
      if (write)
        report_.inputs_written.push_back(fs::relative(file, suite_.root).generic_string());
      complete = complete && !write;
    }
    if (complete)
      return dir;
    if (!options_.check) {
      write_input_records(records, dir, options_.inputs);
      return dir;
    }
    // --check: the records the case would use, without touching test_inputs.
    char pattern[] = "/tmp/qgold-regen-inputs-XXXXXX";
    if (!::mkdtemp(pattern))
      throw InputError("cannot create a temporary folder for generated inputs");
    temp_inputs_ = fs::path(pattern);
    for (size_t n = 0; n < records.size(); ++n) {
      FileText text = read_file_text(dir / fmt::format("{}.txt", n));
      bool keep = text.exists && !options_.inputs;
      write_file_atomically(*temp_inputs_ / fmt::format("{}.txt", n),
                            keep ? text.text : records[n]);
    }
    return *temp_inputs_;
  }

  // Each graph output's SQNR from the goldens on disk and from `generated`,
  // when both describe it (read before update_step overwrites them).
  std::vector<OutputEffect> end_to_end_effects(const std::map<Step, StepGoldens> &generated,
                                               const fs::path &inputs_dir) const {
    auto codes = generated.find(Step::Inference);
    auto quantization = generated.find(Step::Quantization);
    if (codes == generated.end() || quantization == generated.end())
      return {};
    auto old_golden = [&](Step step, const std::string &stem) -> std::optional<Golden> {
      const fs::path file = suite_.step_dir(case_, step) / (stem + ".json");
      try {
        if (fs::exists(file))
          return read_golden(file);
      } catch (const InputError &) {
      }
      return std::nullopt;
    };
    std::vector<OutputEffect> effects;
    const ir::Model float_model = recipe::build_model(recipe::load_recipe(case_.recipe_file));
    for (const auto &[stem, reference] : float_outputs(float_model, inputs_dir)) {
      auto new_codes = codes->second.goldens.find(stem);
      auto new_quant = quantization->second.goldens.find(stem);
      std::optional<Golden> old_codes = old_golden(Step::Inference, stem),
                            old_quant = old_golden(Step::Quantization, stem);
      if (new_codes == codes->second.goldens.end() ||
          new_quant == quantization->second.goldens.end() || !old_codes || !old_quant)
        continue;
      auto before = golden_sqnr_db(reference, *old_codes, *old_quant);
      auto after = golden_sqnr_db(reference, new_codes->second, new_quant->second);
      if (before && after)
        effects.push_back({case_.id(), stem, *before, *after});
    }
    return effects;
  }

  // What measures changes of `stem`: its quantized golden.
  ChangeMeasure measure(const std::string &stem, Step step,
                        const std::map<Step, StepGoldens> &generated) const {
    for (Step source : {step, Step::Quantization, Step::WoQuantization}) {
      auto goldens = generated.find(source);
      if (goldens == generated.end())
        continue;
      auto golden = goldens->second.goldens.find(stem);
      if (golden == goldens->second.goldens.end() || !golden->second.scale)
        continue;
      ChangeMeasure measure{golden->second.scale, goldens->second.channel_axis.at(stem), {}};
      measure.end_codes =
          end_codes(golden->second, goldens->second.dtype.at(stem),
                    golden->second.weights
                        ? channel_axis(golden->second.weights->shape, measure.scale->size(),
                                       measure.axis)
                        : -1);
      return measure;
    }
    return {};
  }

  void update_step(Step step, const StepGoldens &goldens,
                   const std::map<Step, StepGoldens> &generated) {
    fs::path dir = suite_.step_dir(case_, step);
    if (!options_.check && fs::is_directory(dir))
      report_.stale_temporaries_removed += remove_stale_temporaries(dir);
    std::set<std::string> written;
    for (const auto &[stem, golden] : goldens.goldens) {
      fs::path file = dir / (stem + ".json");
      std::string text = golden_to_json(golden);
      FileText old = read_file_text(file);
      written.insert(file.filename().string());
      if (old.exists && old.text == text)
        continue;
      TensorChange change{old.exists ? TensorChange::Kind::Changed : TensorChange::Kind::Added,
                          case_.id(), step, stem, std::nullopt, 0, {}};
      if (old.exists) {
        try {
          change.largest = largest_change(parse_golden(old.text, file.string()), golden,
                                          measure(stem, step, generated), &change);
        } catch (const InputError &) {
          change.largest = ValueChange{"(unreadable before)", -1, 0, 0, std::nullopt};
        }
      }
      report_.tensors.push_back(std::move(change));
      if (!options_.check) {
        fs::create_directories(dir);
        write_file_atomically(file, text);
      }
    }
    for (const fs::path &file : list_golden_files(dir))
      if (!written.contains(file.filename().string()))
        remove_golden(step, file);
  }

  // Step folders of steps the case no longer runs (e.g. a removed weights-only test).
  void remove_dropped_steps(const std::map<Step, StepGoldens> &generated) {
    for (Step step : kSteps)
      if (!generated.contains(step))
        for (const fs::path &file : list_golden_files(suite_.step_dir(case_, step)))
          remove_golden(step, file);
  }

  void remove_golden(Step step, const fs::path &file) {
    report_.tensors.push_back({TensorChange::Kind::Removed, case_.id(), step,
                               file.stem().string(), std::nullopt, 0, {}});
    if (!options_.check)
      fs::remove(file);
  }

  const BundledSuite &suite_;
  const BundledCase &case_;
  const RegenOptions &options_;
  RegenReport &report_;
  std::optional<fs::path> temp_inputs_;
};

std::string kind_name(TensorChange::Kind kind) {
  switch (kind) {
  case TensorChange::Kind::Added:
    return "added";
  case TensorChange::Kind::Removed:
    return "removed";
  case TensorChange::Kind::Changed:
    return "changed";
  }
  return "";
}

} // namespace

std::string ValueChange::describe() const {
  if (index < 0)
    return key;
  auto number = [&](double value) {
    return integral ? fmt::format("{}", static_cast<int64_t>(value)) : python_float_repr(value);
  };
  std::string text = fmt::format("{}[{}] {} -> {}", key, index, number(before), number(after));
  if (steps && key == "scale")
    return text + fmt::format(" (moves the end codes by {:.4g})", *steps);
  if (steps)
    return text + fmt::format(" ({:.4g} step{})", *steps, *steps == 1 ? "" : "s");
  return text + fmt::format(" (diff {:.6g}, no scale known)", std::fabs(after - before));
}

std::optional<ValueChange> largest_change(const Golden &before, const Golden &after,
                                          const ChangeMeasure &measure, TensorChange *all) {
  std::optional<ValueChange> largest;
  auto bigger = [&](const ValueChange &change) {
    if (!largest)
      return true;
    if (largest->index < 0)
      return false; // a structural change outranks any value change
    if (change.index < 0)
      return true;
    if (change.steps && largest->steps)
      return *change.steps > *largest->steps;
    if (change.steps != largest->steps)
      return change.steps.has_value();
    return std::fabs(change.after - change.before) > std::fabs(largest->after - largest->before);
  };
  for (const auto &[key, member] : kKeys) {
    const auto &old_values = before.*member;
    const auto &new_values = after.*member;
    if (!old_values && !new_values)
      continue;
    if (!old_values || !new_values || old_values->size() != new_values->size() ||
        old_values->shape != new_values->shape) {
      ValueChange change{fmt::format("{} {}", key, !old_values   ? "added"
                                                   : !new_values ? "removed"
                                                                 : "changed shape"),
                         -1, 0, 0, std::nullopt};
      if (bigger(change))
        largest = change;
      continue;
    }
    for (size_t i = 0; i < new_values->size(); ++i) {
      double b = old_values->at(i), a = new_values->at(i);
      if (a == b || (std::isnan(a) && std::isnan(b)))
        continue;
      ValueChange change{key, int64_t(i), b, a, std::nullopt, new_values->integral};
      if (std::string_view(key) == "scale") {
        if (i < measure.end_codes.size())
          change.steps = codes_moved(measure.end_codes[i], b, a);
      } else if (auto step = element_step(key, *new_values, i, measure); step && *step > 0) {
        change.steps = std::fabs(a - b) / *step;
      }
      if (all) {
        ++all->values_changed;
        if (change.steps)
          all->value_steps.push_back(static_cast<float>(*change.steps));
      }
      if (bigger(change))
        largest = change;
    }
  }
  return largest;
}

RegenReport regenerate(const BundledSuite &suite, const std::vector<BundledCase> &cases,
                       const RegenOptions &options) {
  RegenReport report;
  for (const BundledCase &c : cases) {
    RegenReport case_report;
    try {
      CaseRegenerator(suite, c, options, case_report).run();
    } catch (const StepFailure &failure) {
      report.errors.push_back(fmt::format("{} {}: {}", c.id(), failure.step, failure.what()));
      continue;
    } catch (const std::exception &error) {
      report.errors.push_back(fmt::format("{} inputs: {}", c.id(), error.what()));
      continue;
    }
    auto append = [](auto &to, auto &from) { to.insert(to.end(), from.begin(), from.end()); };
    append(report.cases_added, case_report.cases_added);
    append(report.cases_changed, case_report.cases_changed);
    append(report.tensors, case_report.tensors);
    append(report.inputs_written, case_report.inputs_written);
    append(report.effects, case_report.effects);
    report.cases_unchanged += case_report.cases_unchanged;
    report.stale_temporaries_removed += case_report.stale_temporaries_removed;
  }
  if (cases.size() == suite.cases.size())
    report.orphans = orphan_cases(suite);
  return report;
}

void print_regen_report(const RegenReport &report, const RegenOptions &options,
                        std::ostream &out) {
  std::string verb = options.check ? "would be " : "";
  for (const std::string &file : report.inputs_written)
    out << fmt::format("input {}written {}\n", verb, file);
  size_t counts[3] = {0, 0, 0};
  for (const TensorChange &change : report.tensors) {
    ++counts[static_cast<int>(change.kind)];
    std::string line = fmt::format("{}{} {} {} {}", verb, kind_name(change.kind), change.case_id,
                                   step_name(change.step), change.stem);
    if (change.largest)
      line += ": largest change " + change.largest->describe();
    out << line << '\n';
  }
  for (const OutputEffect &effect : report.effects)
    out << fmt::format("end to end {} {}: SQNR {:.2f} -> {:.2f} dB ({})\n", effect.case_id,
                       effect.tensor, effect.before_db, effect.after_db,
                       effect.after_db > effect.before_db   ? "better"
                       : effect.after_db < effect.before_db ? "worse"
                                                            : "same");
  for (const std::string &orphan : report.orphans)
    out << fmt::format("orphan expected_outputs/{}: no recipe test defines this case (left "
                       "alone; delete it by hand)\n",
                       orphan);
  for (const std::string &error : report.errors)
    out << fmt::format("ERROR {} (case left unchanged)\n", error);
  if (report.stale_temporaries_removed)
    out << fmt::format("removed {} stale temporary file(s) of an interrupted run\n",
                       report.stale_temporaries_removed);
  size_t cases = report.cases_added.size() + report.cases_changed.size() +
                 report.cases_unchanged + report.errors.size();
  out << fmt::format("{} cases: {} added, {} changed, {} unchanged, {} failed; tensors: {} "
                     "added, {} removed, {} changed; {} input file(s){}\n",
                     cases, report.cases_added.size(), report.cases_changed.size(),
                     report.cases_unchanged, report.errors.size(), counts[0], counts[1],
                     counts[2], report.inputs_written.size(), options.check ? " (check only)" : "");
}

} // namespace qgold::harness
