#include "harness/suite/check.h"

#include "harness/golden/safe_name.h"

#include <algorithm>
#include <map>

namespace qgold::harness {

std::vector<GoldenCheck> check_goldens(Step step, const std::vector<GoldenFile> &goldens,
                                       const ir::Model &model, const Tolerances &tolerances,
                                       const std::vector<GoldenFile> *quantization) {
  CompareOptions options;
  options.tolerances = tolerances;
  // ONE checks only weights, scale and zero_point of quantized models.
  options.compare_min_max = step != Step::Quantization && step != Step::WoQuantization;
  std::map<std::string, const Golden *> references;
  if (quantization)
    for (const GoldenFile &file : *quantization)
      references[file.stem] = &file.golden;
  std::map<std::string, int32_t> stems;
  std::string model_error;
  try {
    stems = golden_stems(model);
  } catch (const InputError &error) {
    model_error = error.what(); // two tensors share a golden file name
  }
  std::vector<GoldenCheck> checks;
  for (const GoldenFile &file : goldens) {
    GoldenCheck check{step, file.stem, model_error, {}, {}};
    auto tensor = stems.find(file.stem);
    if (model_error.empty() && tensor == stems.end()) {
      check.error = "no tensor of the model has this golden's name";
    } else if (model_error.empty()) {
      auto reference = references.find(file.stem);
      options.reference = reference == references.end() ? nullptr : reference->second;
      try {
        check.mismatches = compare_golden(file.golden, model.tensors[tensor->second], options);
      } catch (const InputError &error) {
        check.error = error.what(); // the tensor's data cannot be read as its dtype
      }
    }
    checks.push_back(std::move(check));
  }
  return checks;
}

Step quantized_model_step(bool has_quantization, bool has_wo_quantization, const ir::Model &model) {
  bool float_inputs =
      !model.inputs.empty() && model.tensors.at(model.inputs[0]).dtype == ir::DType::Float32;
  return has_quantization && !(has_wo_quantization && float_inputs) ? Step::Quantization
                                                                    : Step::WoQuantization;
}

bool has_quantized_tensor(const ir::Model &model) {
  return std::any_of(model.tensors.begin(), model.tensors.end(), [](const ir::Tensor &tensor) {
    return tensor.dtype != ir::DType::Float32 && tensor.quant && !tensor.quant->scale.empty();
  });
}

} // namespace qgold::harness
