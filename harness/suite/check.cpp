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

Golden inference_golden(const TensorRecords &tensor) {
  const int64_t per_record = ir::num_elements(tensor.shape);
  ir::Shape shape = tensor.shape;
  shape.insert(shape.begin(),
               per_record > 0 ? static_cast<int32_t>(tensor.values.size() / per_record) : 0);
  Golden golden;
  golden.codes = GoldenArray::int_list(tensor.values, shape);
  return golden;
}

std::vector<GoldenCheck> check_inference(const std::vector<GoldenFile> &goldens,
                                         const InferenceOutput &output,
                                         const Tolerances &tolerances) {
  std::map<std::string, const TensorRecords *> by_stem;
  for (const TensorRecords &tensor : output)
    by_stem[golden_file_stem(tensor.name)] = &tensor;
  std::vector<GoldenCheck> checks;
  for (const GoldenFile &file : goldens) {
    GoldenCheck check{Step::Inference, file.stem, "", {}, {}};
    auto tensor = by_stem.find(file.stem);
    if (tensor == by_stem.end())
      check.error = "the run computed no integer tensor of this golden's name";
    else
      check.mismatches =
          compare_codes(file.golden, *inference_golden(*tensor->second).codes, tolerances);
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
