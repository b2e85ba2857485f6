#pragma once

// A quantized model's tensors, qgold's against TFLite's, bit for bit (README.md, "Quantized
// models"): `qgold run --all-tensors` writes the graph outputs and then every other operator
// output in execution order; the oracle's --all-tensors run names the same tensors.

#include <string>

namespace qgold::oracle {

// Exit status: 0 every tensor of every record agrees, 1 one differs (the first such tensor of
// each record is reported with its operator, element and both values), 2 bad input.
int compare_codes(const std::string &model_path, const std::string &oracle_path,
                  const std::string &run_path);

} // namespace qgold::oracle
