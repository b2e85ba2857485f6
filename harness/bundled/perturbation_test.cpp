// Verify has teeth: every float golden value of the bundled suite (fake-quantized
// weights, min, max, scale), moved by the smallest change that moves a
// quantized code, fails verify, which names that value; moved by well under
// that, it passes. Checked one value at a time against the models the engine
// produced, and all values at once through verify's case flow (the report
// names every failing value, so the group needs no bisection).
#include "harness/backend/engine_backend.h"
#include "harness/bundled/plan.h"
#include "harness/golden/safe_name.h"
#include "harness/golden/steps.h"
#include "harness/suite/check.h"
#include "harness/util/parallel.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace qgold::harness {
namespace {

// One float value of one golden file of the suite.
struct Site {
  size_t plan; // index into the plans
  Step step;
  size_t file;             // index into plan.goldens[step]
  std::string key;         // weights, scale, min, max
  size_t index;            // flat index into the key's values
  double fail_delta = 0;   // the smallest change that moves a code
  double pass_delta = 0;   // well under it, within the tolerances
  bool bias_scale = false; // an int32/int64 scale, see fail_delta
};

using ValueId = std::tuple<std::string, Step, std::string, std::string, int64_t>;

double value_of(const Golden &golden, const std::string &key, size_t index) {
  if (key == "weights")
    return golden.weights->at(index);
  if (key == "scale")
    return golden.scale->at(index);
  return key == "min" ? golden.min->at(index) : golden.max->at(index);
}

void set_value(Golden &golden, const std::string &key, size_t index, double value) {
  std::optional<GoldenArray> &array = key == "weights" ? golden.weights
                                      : key == "scale" ? golden.scale
                                      : key == "min"   ? golden.min
                                                       : golden.max;
  if (array->integral) { // 0, 1 written as integers: make them floats first
    std::vector<double> floats(array->ints.begin(), array->ints.end());
    array->floats = std::move(floats);
    array->ints.clear();
    array->integral = false;
  }
  array->floats[index] = value;
}

class Perturbation : public testing::Test {
protected:
  void SetUp() override {
    suite_ = load_bundled_suite(QGOLD_SOURCE_DIR);
    plans_ = plan_bundled_cases(suite_, {});
    // The engine's model after each step of each case, as verify compares them.
    models_.resize(plans_.size());
    errors_.resize(plans_.size());
    parallel_for(plans_.size(), 0, [&](size_t i) {
      EngineBackend engine;
      try {
        run_case_steps(plans_[i], engine,
                       [&](Step step, const ir::Model &model) { models_[i][step] = model; });
      } catch (const std::exception &error) {
        errors_[i] = error.what();
      }
    });
  }

  const Golden *quantization_golden(const CasePlan &plan, const std::string &stem) const {
    auto goldens = plan.goldens.find(Step::Quantization);
    if (goldens == plan.goldens.end())
      return nullptr;
    for (const GoldenFile &file : goldens->second)
      if (file.stem == stem)
        return &file.golden;
    return nullptr;
  }

  // Every float value and its perturbations. The quantization step of a value
  // is the scale of its tensor's quantization golden (per channel for
  // weights); a value on the quantization grid moved by half a step rounds
  // to the next code, and the end of a range moved by half a step moves the
  // codes next to it by half a code. A scale moved by 0.5 / R, R the farthest
  // code from the zero point (the dtype's ends), moves that code by half a
  // code. Biases (int32/int64) reach codes up to 1e12, for which half a code
  // is below what a float32 scale resolves; their scales are held to
  // scale_rtol (their codes follow the scale, compare.h), and perturbed by
  // twice that.
  std::vector<Site> sites(const Tolerances &tolerances) {
    std::vector<Site> out;
    for (size_t p = 0; p < plans_.size(); ++p) {
      const CasePlan &plan = plans_[p];
      for (const auto &step_goldens : plan.goldens) { // no binding: the lambda below captures step
        const Step step = step_goldens.first;
        if (step == Step::Inference) // integer codes, compared exactly: MutantRounding's part
          continue;
        const auto &files = step_goldens.second;
        const ir::Model &model = models_[p].at(step);
        const std::map<std::string, int32_t> stems = golden_stems(model);
        for (size_t f = 0; f < files.size(); ++f) {
          const Golden &golden = files[f].golden;
          const ir::Tensor &tensor = model.tensors.at(stems.at(files[f].stem));
          const int32_t quantized_dimension = tensor.quant ? tensor.quant->quantized_dimension : -1;
          const Golden *reference = quantization_golden(plan, files[f].stem);
          if ((step == Step::FakeQuantization || step == Step::RecordMinMax) &&
              (!reference || !reference->scale)) {
            ADD_FAILURE() << plan.settings.id << " " << files[f].stem
                          << ": no quantization golden to measure its steps";
            continue;
          }
          auto add = [&](const std::string &key, size_t index, double step_size, double delta) {
            // A range end at the float limits (PadV2's lowest-float padding,
            // whose parameters come from its input) cannot move by a step
            // its float32 resolves: nothing to perturb.
            const double value = value_of(golden, key, index);
            if (static_cast<float>(value + delta) == static_cast<float>(value)) {
              ++unmovable_;
              return;
            }
            Site site{p, step, f, key, index};
            site.fail_delta = delta;
            site.pass_delta = std::copysign(key == "scale" ? tolerances.scale_rtol * step_size
                                                           : tolerances.step_atol * step_size,
                                            delta) /
                              2;
            out.push_back(site);
          };
          if (step == Step::FakeQuantization && golden.weights) {
            int32_t axis =
                channel_axis(tensor.shape, reference->scale->size(), quantized_dimension);
            for (size_t i = 0; i < golden.weights->size(); ++i) {
              double s = *element_scale(*reference->scale, tensor.shape, axis, i);
              add("weights", i, s, std::copysign(0.5 * s, golden.weights->at(i)));
            }
          }
          if (step == Step::RecordMinMax) { // ranges widen by half a step
            add("min", 0, reference->scale->at(0), -0.5 * reference->scale->at(0));
            add("max", 0, reference->scale->at(0), 0.5 * reference->scale->at(0));
          }
          if (golden.scale) {
            int32_t axis = golden.weights ? channel_axis(golden.weights->shape,
                                                         golden.scale->size(), quantized_dimension)
                                          : -1;
            std::vector<double> ends = end_codes(golden, tensor.dtype, axis);
            for (size_t i = 0; i < golden.scale->size(); ++i) {
              double s = golden.scale->at(i);
              // A bias of zeros moves no code: held to scale_rtol as well.
              bool bias = ends.at(i) * 2 * tolerances.scale_rtol > 0.5 || ends.at(i) == 0;
              double relative = bias ? 2 * tolerances.scale_rtol : 0.5 / ends.at(i);
              add("scale", i, s, s * relative);
              out.back().bias_scale = bias;
            }
          }
        }
      }
    }
    return out;
  }

  ValueId id_of(const Site &site) const {
    const GoldenFile &file = plans_[site.plan].goldens.at(site.step)[site.file];
    return {plans_[site.plan].settings.id, site.step, file.stem, site.key,
            static_cast<int64_t>(site.index)};
  }

  // The site's golden with its value moved by `delta`, checked against the
  // engine's model of its step.
  GoldenCheck check_moved(const Site &site, double delta, const Tolerances &tolerances) const {
    const CasePlan &plan = plans_[site.plan];
    GoldenFile file = plan.goldens.at(site.step)[site.file];
    set_value(file.golden, site.key, site.index,
              value_of(file.golden, site.key, site.index) + delta);
    auto quantization = plan.goldens.find(Step::Quantization);
    return check_goldens(site.step, {file}, models_[site.plan].at(site.step), tolerances,
                         quantization == plan.goldens.end() ? nullptr : &quantization->second)[0];
  }

  // Verify, as `qgold verify --jobs 0` runs it, of the suite's cases with
  // every site's golden value moved by its fail or pass delta.
  SuiteResult verify_moved(const std::vector<Site> &sites, bool fail_deltas,
                           const Tolerances &tolerances) const {
    std::vector<CasePlan> moved = plans_;
    for (const Site &site : sites) {
      Golden &golden = moved[site.plan].goldens.at(site.step)[site.file].golden;
      set_value(golden, site.key, site.index,
                value_of(golden, site.key, site.index) +
                    (fail_deltas ? site.fail_delta : site.pass_delta));
    }
    return verify_cases(suite_.root, moved, tolerances, 0,
                        [] { return std::make_unique<EngineBackend>(); });
  }

  BundledSuite suite_;
  std::vector<CasePlan> plans_;
  std::vector<std::map<Step, ir::Model>> models_;
  std::vector<std::string> errors_;
  size_t unmovable_ = 0;
};

TEST_F(Perturbation, EveryFloatGoldenValueMovedByACodeFailsAndByLessPasses) {
  for (const std::string &error : errors_)
    ASSERT_EQ(error, "");
  const auto start = std::chrono::steady_clock::now();
  const Tolerances tolerances; // qgold's policy
  std::vector<Site> all = sites(tolerances);
  EXPECT_LT(unmovable_, 10u) << "only range ends at the float limits are left out";
  std::map<std::string, size_t> per_key;
  size_t bias_scales = 0, scales_taking_one_percent_allclose = 0, scales_taking_one_percent = 0;
  for (const Site &site : all) {
    ++per_key[site.key];
    bias_scales += site.bias_scale;
    if (!site.bias_scale) {
      EXPECT_LT(std::fabs(site.pass_delta) * 10, std::fabs(site.fail_delta))
          << "not well under a code";
    }
    const ValueId id = id_of(site);
    GoldenCheck failed = check_moved(site, site.fail_delta, tolerances);
    ASSERT_EQ(failed.mismatches.size(), 1u)
        << std::get<0>(id) << " " << step_name(site.step) << " " << failed.tensor << " " << site.key
        << "[" << site.index << "] moved by " << site.fail_delta;
    EXPECT_EQ(failed.tensor, std::get<2>(id));
    EXPECT_EQ(failed.mismatches[0].key, site.key);
    EXPECT_EQ(failed.mismatches[0].index, static_cast<int64_t>(site.index));
    GoldenCheck passed = check_moved(site, site.pass_delta, tolerances);
    EXPECT_TRUE(passed.passed()) << failed.tensor << " " << site.key << "[" << site.index
                                 << "] moved by " << site.pass_delta << ": "
                                 << (passed.mismatches.empty() ? passed.error
                                                               : passed.mismatches[0].describe());
    if (site.key == "scale") { // the measure: does a 1% scale change pass?
      double one_percent =
          0.01 *
          value_of(plans_[site.plan].goldens.at(site.step)[site.file].golden, site.key, site.index);
      scales_taking_one_percent_allclose +=
          check_moved(site, one_percent, Tolerances::one_allclose()).passed();
      scales_taking_one_percent += check_moved(site, one_percent, tolerances).passed();
    }
  }
  const double one_at_a_time =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(scales_taking_one_percent, 0u);

  // All at once, through verify: every moved value is reported, and nothing else.
  SuiteResult failing = verify_moved(all, true, tolerances);
  std::set<ValueId> reported, expected;
  for (const Site &site : all)
    expected.insert(id_of(site));
  for (const CaseResult &c : failing.cases) {
    EXPECT_EQ(c.error, "") << c.name;
    for (const GoldenCheck &check : c.checks) {
      EXPECT_EQ(check.error, "") << c.name << " " << check.tensor;
      for (const Mismatch &mismatch : check.mismatches)
        reported.insert({c.name, check.step, check.tensor, mismatch.key, mismatch.index});
    }
  }
  EXPECT_EQ(reported.size(), expected.size());
  EXPECT_TRUE(reported == expected) << "verify named other values than those moved";
  SuiteResult passing = verify_moved(all, false, tolerances);
  EXPECT_EQ(passing.failed(), 0u);
  EXPECT_GT(passing.passed(), 0u);

  const double total =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << all.size() << " float golden values (" << per_key["weights"]
            << " fake-quantized weights, " << per_key["min"] << " min, " << per_key["max"]
            << " max, " << per_key["scale"] << " scales, " << bias_scales
            << " of them bias scales moved by 2 * scale_rtol; " << unmovable_
            << " at the float limits left out); one at a time " << one_at_a_time
            << " s, all at once through verify " << total - one_at_a_time << " s\n"
            << "scales that accept a 1% change: " << scales_taking_one_percent_allclose << " of "
            << per_key["scale"] << " under ONE's allclose, " << scales_taking_one_percent
            << " under qgold's tolerances\n";
}

} // namespace
} // namespace qgold::harness
