#include "harness/bundled/step_goldens.h"

#include "harness/golden/safe_name.h"
#include "harness/suite/check.h"
#include "ir/error.h"

#include <fmt/format.h>
#include "ir/op_registry.h"

#include <set>

namespace qgold::harness {

namespace {

// Indices of the float weights fake quantization rewrites.
std::set<int32_t> weight_tensors(const ir::Model &model) {
  std::set<int32_t> weights;
  for (const ir::Operator &op : model.operators) {
    auto roles = ir::weighted_op(op.code);
    if (!roles || roles->weights < 0 || size_t(roles->weights) >= op.inputs.size())
      continue;
    int32_t index = op.inputs[roles->weights];
    if (index >= 0 && model.tensors.at(index).is_constant() &&
        model.tensors[index].dtype == ir::DType::Float32)
      weights.insert(index);
  }
  return weights;
}

GoldenArray integral_scalar(int64_t value) {
  GoldenArray array;
  array.is_scalar = true;
  array.integral = true;
  array.ints = {value};
  return array;
}

GoldenArray scalar_or_list(const GoldenArray &list) {
  return list.size() == 1 ? GoldenArray::scalar(list.at(0)) : list;
}

Golden quantized_golden(const ir::Tensor &tensor) {
  Golden view = golden_view(tensor);
  Golden golden;
  golden.weights = view.weights;
  golden.scale = scalar_or_list(*view.scale);
  const std::vector<int64_t> &zero_points = tensor.quant->zero_point;
  if (zero_points.size() == 1)
    golden.zero_point = integral_scalar(zero_points[0]);
  else if (!zero_points.empty())
    golden.zero_point = GoldenArray::int_list(zero_points, {int32_t(zero_points.size())});
  return golden;
}

} // namespace

StepGoldens step_goldens(Step step, const ir::Model &model) {
  StepGoldens out;
  std::set<int32_t> weights;
  if (step == Step::FakeQuantization)
    weights = weight_tensors(model);
  for (const auto &[stem, index] : golden_stems(model)) {
    const ir::Tensor &tensor = model.tensors[index];
    const ir::QuantParams *quant = tensor.quant ? &*tensor.quant : nullptr;
    switch (step) {
    case Step::FakeQuantization:
      if (weights.contains(index))
        out.goldens[stem].weights = golden_view(tensor).weights;
      break;
    case Step::RecordMinMax:
      if (!tensor.is_constant() && quant && quant->min.size() == 1 && quant->max.size() == 1) {
        out.goldens[stem].min = GoldenArray::scalar(quant->min[0]);
        out.goldens[stem].max = GoldenArray::scalar(quant->max[0]);
      }
      break;
    case Step::Quantization:
    case Step::WoQuantization:
      if (quant && !quant->scale.empty()) {
        out.goldens[stem] = quantized_golden(tensor);
        out.channel_axis[stem] = quant->quantized_dimension;
        out.dtype[stem] = tensor.dtype;
      }
      break;
    case Step::Inference: // no model: inference_goldens
      break;
    }
  }
  return out;
}

StepGoldens inference_goldens(const InferenceOutput &output) {
  StepGoldens out;
  std::map<std::string, std::string> names; // stem -> tensor
  for (const TensorRecords &tensor : output) {
    const std::string stem = golden_file_stem(tensor.name);
    if (auto [other, fresh] = names.emplace(stem, tensor.name); !fresh)
      throw InputError(fmt::format("tensors '{}' and '{}' would share the golden file {}.json",
                                   other->second, tensor.name, stem));
    out.goldens[stem] = inference_golden(tensor);
    out.channel_axis[stem] = -1;
    out.dtype[stem] = tensor.dtype;
  }
  return out;
}

} // namespace qgold::harness
