#pragma once

// Running a model, float or quantized, over every record of a dataset: what
// `qgold run` and the inference step of a suite case share.

#include "data/dataset.h"
#include "interp/interpreter.h"
#include "ir/model.h"

#include <functional>
#include <string>
#include <vector>

namespace qgold::interp {

// How a dataset feeds a model: each input in its own dtype, or, with
// quantize_inputs, float values for every per-tensor quantized input, which
// run_dataset quantizes with the input's parameters (quantize_values).
struct DatasetFeed {
  std::vector<data::InputSpec> specs; // what the dataset must hold
  std::vector<bool> quantize;         // per input
};
// With quantize_inputs, a model without a quantized input is an InputError
// naming `origin` (the model file).
DatasetFeed dataset_feed(const ir::Model &model, bool quantize_inputs, const std::string &origin);

// The graph outputs, then (all_tensors) every other operator output in
// execution order: the tensors a run reports.
std::vector<int32_t> reported_tensors(const ir::Model &model, bool all_tensors);

// Runs `interpreter` (built on `model`) once per record of `dataset` and calls
// `after` with the record and the interpreter after each run. A NaN or
// infinite value to quantize is an InputError naming the record and input.
void run_dataset(const ir::Model &model, Interpreter &interpreter, data::DatasetReader &dataset,
                 const DatasetFeed &feed,
                 const std::function<void(const data::Record &, const Interpreter &)> &after);

} // namespace qgold::interp
