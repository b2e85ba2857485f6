#pragma once

#include "ir/model.h"

#include <filesystem>

namespace qgold::data {

// circle-tensordump --tensors_to_hdf5: one group per named tensor (every '/'
// in the name replaced by '_'), with datasets weights, min, max, scale,
// zero_point, quantized_dimension written when present. Written under qgold's
// output policy (format/output_file.h): a failed dump leaves `path` as it was.
void dump_tensors_h5(const ir::Model &model, const std::filesystem::path &path);

} // namespace qgold::data
