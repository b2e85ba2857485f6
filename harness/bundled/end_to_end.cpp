#include "harness/bundled/end_to_end.h"

#include "data/dataset.h"
#include "harness/golden/safe_name.h"
#include "interp/interpreter.h"
#include "quant/error_report.h"

#include <cstring>

namespace qgold::harness {

std::map<std::string, std::vector<float>> float_outputs(const ir::Model &float_model,
                                                        const std::filesystem::path &inputs_dir) {
  interp::Interpreter run(float_model);
  auto dataset = data::open_dataset(inputs_dir, data::input_specs(float_model));
  std::map<std::string, std::vector<float>> outputs;
  data::Record record;
  while (dataset->next(record)) {
    for (size_t i = 0; i < record.inputs.size(); ++i)
      run.set_input_bytes(i, record.inputs[i]);
    run.run();
    for (size_t o = 0; o < float_model.outputs.size(); ++o) {
      const ir::Tensor &tensor = float_model.tensors[static_cast<size_t>(float_model.outputs[o])];
      if (tensor.dtype != ir::DType::Float32)
        continue;
      const std::span<const float> values = run.output(o);
      std::vector<float> &stacked = outputs[golden_file_stem(tensor.name)];
      stacked.insert(stacked.end(), values.begin(), values.end());
    }
  }
  return outputs;
}

std::optional<double> golden_sqnr_db(const std::vector<float> &reference, const Golden &codes,
                                     const Golden &quantization) {
  if (!codes.codes || !codes.codes->integral || codes.codes->size() != reference.size() ||
      !quantization.scale || quantization.scale->size() != 1 || !quantization.zero_point ||
      quantization.zero_point->size() != 1)
    return std::nullopt;
  const auto scale = static_cast<float>(quantization.scale->at(0));
  const auto zero = static_cast<int64_t>(quantization.zero_point->at(0));
  std::vector<float> dequantized(reference.size());
  for (size_t i = 0; i < dequantized.size(); ++i) // as the Dequantize kernel
    dequantized[i] = scale * static_cast<float>(codes.codes->ints[i] - zero);
  return quant::error_stats(reference, dequantized, quant::Steps{{scale}}).sqnr_db;
}

} // namespace qgold::harness
