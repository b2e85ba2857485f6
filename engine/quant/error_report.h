#pragma once

// Float-vs-quantized error report: how far a quantized model's activations,
// dequantized, are from the float model's on the same records
// (docs/error-report.md). The per-tensor statistics are pure functions of two
// float buffers and the quantization step(s), so that any caller (regen, a
// test) can compare two runs of one tensor.

#include "data/dataset.h"
#include "ir/model.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace qgold::quant {

// The quantization step of every element of a tensor: one scale for all, or
// one per channel along `axis` of `shape`. No scales (a float tensor): the
// error in steps is not measured.
struct Steps {
  std::vector<float> scales;
  int32_t axis = 0;
  ir::Shape shape{}; // needed only with more than one scale
};

// The steps of a quantized tensor (its scales and quantized_dimension); none
// for a tensor without scales.
Steps steps_of(const ir::Tensor &tensor);

// Running sums of one tensor's errors, in double, added element by element in
// order: the same elements in the same order give the same bits, whatever the
// machine or thread count.
struct ErrorSums {
  int64_t elements = 0;    // compared (finite reference values)
  int64_t nonfinite = 0;   // reference values that are NaN or infinite: not compared
  double signal = 0;       // Σ f²
  double noise = 0;        // Σ (f − q)²
  double cross = 0;        // Σ f·q
  double quantized = 0;    // Σ q²
  double max_abs_error = 0;
  std::optional<double> max_steps; // max |f − q| / scale; empty without scales

  // Adds `other`'s elements after this one's (sums added, maxima kept).
  void add(const ErrorSums &other);
};

// What a tensor's error sums say.
//  sqnr_db: 10·log10(Σ f² / Σ (f − q)²); +inf when Σ (f − q)² = 0 (equal, also
//           when both are all zero); −inf when Σ f² = 0 but not Σ (f − q)²
//           (an all-zero reference, any error is all noise).
//  mse:     Σ (f − q)² / n (0 when n = 0).
//  cosine:  Σ f·q / √(Σ f² · Σ q²), clamped to [−1, 1]; 1 when both are all
//           zero, 0 when exactly one is.
struct ErrorStats {
  int64_t elements = 0, nonfinite = 0;
  double sqnr_db = 0, mse = 0, max_abs_error = 0, cosine = 0;
  std::optional<double> max_steps;
};

// Sums of the errors of `quantized` (dequantized values) against `reference`
// (the float model's), element i against element i; the spans must have the
// same size (else std::invalid_argument). A reference element that is NaN or
// infinite is counted in `nonfinite` and left out of every sum. Steps: the
// error of element i over its scale; a scale of 0 gives 0 steps for no error
// and +inf steps for any.
ErrorSums error_sums(std::span<const float> reference, std::span<const float> quantized,
                     const Steps &steps);
ErrorStats error_stats(const ErrorSums &sums);

// The per-tensor statistics of two buffers: error_stats(error_sums(...)).
ErrorStats error_stats(std::span<const float> reference, std::span<const float> quantized,
                       const Steps &steps);

// One activation both models have, over every record.
struct TensorError {
  std::string name;
  ir::DType dtype;        // in the quantized model
  ir::Shape shape;
  size_t scales = 0;      // 1 per tensor, the channel count per channel, 0 for float
  bool graph_output = false; // of the float model
  ErrorStats stats;
};

// An activation that is not compared, and why.
struct SkippedTensor {
  std::string name;
  std::string reason;
};

struct ErrorReport {
  size_t records = 0;
  std::vector<TensorError> tensors;   // the float model's graph order: inputs, then operator outputs
  std::vector<SkippedTensor> skipped; // float model's order, then the quantized model's extras
};

// File names for messages.
struct ErrorReportSources {
  std::string float_model = "float model", quantized_model = "quantized model", data = "dataset";
};

// Runs the float model (float kernels) and the quantized model (integer
// interpreter, Kernels::FloatAndInteger) on every record of `records` (read
// with data::input_specs(float_model): float values). A quantized input of the
// quantized model gets the record's values quantized with its parameters
// (interp::quantize_values, as `qgold run --quantize-inputs`); a float one the
// values themselves. Every activation (graph input or operator output) with the
// same name in both models and float32 in the float model is compared,
// the quantized side dequantized as the Dequantize kernel does.
// InputError (naming the file and the place) when: the float model has a
// quantized activation, the quantized model has none, the inputs differ in
// count, name or shape, a compared tensor's shapes differ, a record holds a
// NaN or infinite value, or the dataset is empty.
ErrorReport error_report(const ir::Model &float_model, const ir::Model &quantized_model,
                         data::DatasetReader &records, const ErrorReportSources &sources = {});

} // namespace qgold::quant
