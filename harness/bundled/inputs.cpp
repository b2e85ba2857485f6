#include "harness/bundled/inputs.h"

#include "harness/util/atomic_file.h"
#include "ir/error.h"
#include "recipe/filler.h"
#include "recipe/scalar.h"

#include <fmt/format.h>

namespace qgold::harness {

std::vector<std::string> generate_input_records(const ir::Model &model,
                                                const recipe::Calibration &calibration) {
  uint64_t seed = calibration.seed.value_or(0);
  double low = calibration.min, span = double(calibration.max) - double(calibration.min);
  std::vector<std::string> records;
  for (uint32_t n = 0; n < calibration.records; ++n) {
    std::string text;
    for (int32_t index : model.inputs) {
      const ir::Tensor &input = model.tensors.at(index);
      if (input.dtype != ir::DType::Float32)
        throw InputError(fmt::format("input '{}' is {}: calibration data can only be generated "
                                     "for FLOAT32 inputs",
                                     input.name, ir::dtype_name(input.dtype)));
      std::mt19937_64 engine = recipe::filler_engine(seed, fmt::format("{}#{}", input.name, n));
      int64_t count = input.num_elements();
      for (int64_t k = 0; k < count; ++k) {
        float value = static_cast<float>(low + span * recipe::unit_uniform(engine));
        text += (k ? "," : "") + recipe::format_float(value);
      }
      text += '\n';
    }
    records.push_back(std::move(text));
  }
  return records;
}

InputWriteResult write_input_records(const std::vector<std::string> &records,
                                     const std::filesystem::path &dir, bool overwrite) {
  InputWriteResult result;
  std::filesystem::create_directories(dir);
  remove_stale_temporaries(dir);
  for (size_t n = 0; n < records.size(); ++n) {
    std::filesystem::path file = dir / fmt::format("{}.txt", n);
    if (!overwrite && std::filesystem::exists(file)) {
      ++result.kept;
      continue;
    }
    write_file_atomically(file, records[n]);
    ++result.written;
  }
  return result;
}

} // namespace qgold::harness
