#pragma once

// Helpers shared by the dataset readers and writers (internal to qgold_data).

#include "data/dataset.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace qgold::data {

// "float32", "uint8", "bool": the numpy-style name used in messages.
std::string dtype_label(ir::DType dtype);

// "input 1 ('ifm')" for messages.
std::string describe_input(const std::vector<InputSpec> &specs, size_t index);

// "float32 [1,4,3,2]" for messages.
std::string describe_spec(const InputSpec &spec);

// Bytes one record of this input occupies. Only valid after check_specs().
size_t byte_size(const InputSpec &spec);

// Rejects specs no dataset can feed (no inputs, negative dims, string inputs,
// sizes that overflow), naming `origin` (the dataset path) and the input.
void check_specs(const std::vector<InputSpec> &specs, const std::filesystem::path &origin);

} // namespace qgold::data
