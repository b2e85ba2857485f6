#pragma once

// The post-training quantization flow of Samsung ONE (see docs/ and
// ../shared/spec/quantization.md): fake quantization of weights,
// record-minmax, quantize-with-minmax and weights-only quantization.
// Every step transforms an ir::Model in place.

#include "data/dataset.h"
#include "ir/model.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace qgold::quant {

enum class Granularity { Layer, Channel };
std::string_view granularity_name(Granularity granularity); // "layer" | "channel"
std::optional<Granularity> granularity_from_name(std::string_view name);

// Mixed precision (circle-quantizer --config): per-layer dtype/granularity,
// naming a node by its output tensor. An entry names one tensor ("name"),
// several ("names"), or alternative sets of names ("alternate") of which
// exactly one must match the model.
struct LayerOverride {
  std::vector<std::vector<std::string>> name_sets;
  ir::DType dtype;
  Granularity granularity;
};
struct QConf {
  std::vector<LayerOverride> layers;
  std::string origin{}; // the file (or recipe location) it came from, for messages
};
QConf parse_qconf(const std::string &json_text, const std::string &origin);
QConf load_qconf(const std::filesystem::path &path);

// Throws InputError naming the first tensor that is already quantized (an
// integer with a scale) or of a dtype a float model does not hold (anything
// but float32, and int32/int64 shapes, axes and indices), prefixed with
// `origin` (the model file) when given. Every step below starts with it.
void check_float_model(const ir::Model &model, const std::string &origin = "");

// Stage A: quantize-then-dequantize the float weights of Conv2D,
// DepthwiseConv2D, TransposeConv and FullyConnected (dtype UInt8 or Int16).
void fake_quantize(ir::Model &model, ir::DType dtype, Granularity granularity,
                   const QConf *qconf = nullptr);

// Stage B.
struct RecordMinMaxOptions {
  enum class Mode { Percentile, MovingAverage, MinMax };
  Mode mode = Mode::Percentile;
  float min_percentile = 1.0f;
  float max_percentile = 99.0f;
  uint32_t moving_avg_batch = 16;
  float moving_avg_const = 0.1f;
  // Worker threads, 0 = all cores. Capped at one per record and at
  // kMaxThreadsPerCore per core: more would idle or only cost memory.
  unsigned threads = 1;
  static constexpr unsigned kMaxThreadsPerCore = 4;
  // Float kernels: the optimized backend (oneDNN, interp/fast) or the
  // reference interpreter, the oracle the optimized one is tested against.
  enum class Backend { Fast, Reference };
  Backend backend = Backend::Fast;
  // Called after every record with (records done, total if known).
  std::function<void(size_t, std::optional<size_t>)> progress;
  // A NaN or Inf in a float32 input is an InputError naming the record, input
  // and index; with skip_nonfinite such records are left out instead and
  // on_skipped (if set) gets that message for each of them.
  bool skip_nonfinite = false;
  std::function<void(const std::string &)> on_skipped;

  // Throws InputError for a percentile outside [0, 100], a min percentile
  // above the max one, a moving-average batch of 0 or a constant outside
  // [0, 1]. record_minmax starts with it.
  void validate() const;
};
// A progress callback writing to `stream`: a bar with records/s and ETA
// redrawn in place when the stream is a terminal, else one short line about
// every 10 seconds (and at the end when the total is known).
std::function<void(size_t, std::optional<size_t>)> progress_printer(std::FILE *stream);

// The (min, max) of one tensor over one record.
struct MinMax {
  float min = std::numeric_limits<float>::max();
  float max = std::numeric_limits<float>::lowest();
};
struct RecordedRanges {
  std::vector<int32_t> tensors;             // recorded_tensor_indices(model)
  std::vector<std::vector<MinMax>> records; // per record in dataset order, one per tensor
};
// Writes each recorded tensor's min/max into `model` and returns the
// per-record ranges they were reduced from (calibration_stats.h summarizes them).
RecordedRanges record_minmax(ir::Model &model, data::DatasetReader &dataset,
                             const RecordMinMaxOptions &options);

// record_minmax in two halves, record_ranges then apply_ranges, so that
// records can be observed in separate processes (minmax_partial.h) and
// reduced once.

// The tensors record-minmax calibrates: graph inputs, then float op outputs, in
// graph order.
std::vector<int32_t> recorded_tensor_indices(const ir::Model &model);
// Runs the records (none is fine) and keeps every per-record range.
RecordedRanges record_ranges(const ir::Model &model, data::DatasetReader &dataset,
                             const RecordMinMaxOptions &options);
// Reduces them per options.mode into each tensor's min/max, one per entry of
// ranges.tensors; no records is an InputError.
std::vector<MinMax> reduce_ranges(const RecordedRanges &ranges, const RecordMinMaxOptions &options);
// Writes reduce_ranges into the tensors' quantization parameters.
void apply_ranges(ir::Model &model, const RecordedRanges &ranges, const RecordMinMaxOptions &options);

// Stage C.
struct QuantizeOptions {
  ir::DType dtype = ir::DType::UInt8; // UInt8 or Int16
  Granularity granularity = Granularity::Layer;
  std::optional<ir::DType> input_type, output_type; // default: dtype
  const QConf *qconf = nullptr;
  bool save_min_max = false;
};
void quantize_with_minmax(ir::Model &model, const QuantizeOptions &options);

// Weights-only (Int8 or Int16, channel granularity).
void quantize_weights(ir::Model &model, ir::DType dtype, Granularity granularity);

} // namespace qgold::quant
