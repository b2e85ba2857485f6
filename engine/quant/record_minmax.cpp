// Stage B (record-minmax, quantization.md §6): float inference over every
// record, reducing each observed tensor to one (min, max) pair per record,
// then to one pair per tensor (percentile, moving average or plain min/max).
// Records may run on several threads; per-record results are kept in record
// order, so the recorded ranges are identical for any thread count.

#include "interp/interpreter.h"
#include "ir/error.h"
#include "quant/primitives.h"
#include "quant/quant.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <fmt/format.h>
#include <limits>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

namespace qgold::quant {
namespace {

// (min, max) of one tensor in one record.
struct Range {
  float min = std::numeric_limits<float>::max();
  float max = std::numeric_limits<float>::lowest();
};

// Observes one inference and keeps the per-tensor ranges of the current record.
class RangeObserver : public interp::TensorObserver {
public:
  RangeObserver(const ir::Model &model, const std::map<int32_t, size_t> &slots)
      : model_(model), slots_(slots), ranges_(slots.size()) {}

  void observe(int32_t tensor_index, std::span<const float> values) override {
    auto it = slots_.find(tensor_index);
    if (it == slots_.end())
      return;
    Range range;
    bool any = false;
    for (float v : values) {
      if (std::isnan(v)) // ONE skips NaN; +/-Inf count
        continue;
      any = true;
      range.min = std::min(range.min, v);
      range.max = std::max(range.max, v);
    }
    if (!any && !values.empty())
      throw InputError(fmt::format("every value of tensor '{}' is NaN", model_.tensors[tensor_index].name));
    ranges_[it->second] = range;
  }

  std::vector<Range> take() { return std::exchange(ranges_, std::vector<Range>(slots_.size())); }

private:
  const ir::Model &model_;
  const std::map<int32_t, size_t> &slots_;
  std::vector<Range> ranges_;
};

// Graph inputs and every op output that is a float activation.
std::map<int32_t, size_t> recorded_tensors(const ir::Model &model) {
  std::map<int32_t, size_t> slots;
  auto add = [&](int32_t t) {
    if (t >= 0 && !model.tensors[t].is_constant() && model.tensors[t].dtype == ir::DType::Float32)
      slots.emplace(t, slots.size());
  };
  for (int32_t t : model.inputs)
    add(t);
  for (const auto &op : model.operators)
    for (int32_t t : op.outputs)
      add(t);
  return slots;
}

void check_finite(const data::Record &record, size_t input, std::span<const float> values,
                  const std::string &input_name) {
  for (size_t i = 0; i < values.size(); ++i)
    if (!std::isfinite(values[i]))
      throw InputError(fmt::format("{}: input {} ('{}') has the non-finite value {} at index {}", record.id,
                                   input, input_name, values[i], i));
}

// Runs one record through an interpreter and returns its per-tensor ranges.
std::vector<Range> run_record(const ir::Model &model, interp::Interpreter &interpreter, RangeObserver &observer,
                              const data::Record &record) {
  if (record.inputs.size() != model.inputs.size())
    throw InputError(fmt::format("{}: has {} inputs, the model takes {}", record.id, record.inputs.size(),
                                 model.inputs.size()));
  std::vector<float> values;
  for (size_t i = 0; i < record.inputs.size(); ++i) {
    const ir::Tensor &input = model.tensors[model.inputs[i]];
    if (input.dtype != ir::DType::Float32)
      throw UnsupportedError(fmt::format("input '{}' is {}; record-minmax runs float32 models", input.name,
                                         ir::dtype_name(input.dtype)));
    const auto &bytes = record.inputs[i];
    values.resize(bytes.size() / sizeof(float));
    if (!bytes.empty())
      std::memcpy(values.data(), bytes.data(), values.size() * sizeof(float));
    check_finite(record, i, values, input.name);
    interpreter.set_input(i, values);
  }
  interpreter.run(&observer);
  return observer.take();
}

float reduce(std::vector<float> values, const RecordMinMaxOptions &options, bool is_min) {
  switch (options.mode) {
  case RecordMinMaxOptions::Mode::Percentile:
    return percentile(std::move(values), is_min ? options.min_percentile : options.max_percentile);
  case RecordMinMaxOptions::Mode::MovingAverage:
    return moving_average(values, options.moving_avg_batch, options.moving_avg_const, is_min);
  case RecordMinMaxOptions::Mode::MinMax:
    return is_min ? *std::min_element(values.begin(), values.end()) : *std::max_element(values.begin(), values.end());
  }
  return 0.0f;
}

// Feeds records from the reader to `threads` workers; results land in record order.
class ParallelRunner {
public:
  ParallelRunner(const ir::Model &model, const std::map<int32_t, size_t> &slots, unsigned threads,
                 const RecordMinMaxOptions &options)
      : model_(model), slots_(slots), threads_(threads), options_(options) {}

  std::vector<std::vector<Range>> run(data::DatasetReader &dataset) {
    std::vector<std::thread> workers;
    for (unsigned i = 0; i < threads_; ++i)
      workers.emplace_back([this] { work(); });
    try {
      produce(dataset);
    } catch (...) {
      fail(std::current_exception());
    }
    {
      std::lock_guard lock(mutex_);
      finished_reading_ = true;
    }
    has_work_.notify_all();
    for (auto &worker : workers)
      worker.join();
    if (error_)
      std::rethrow_exception(error_);
    return std::move(results_);
  }

private:
  void produce(data::DatasetReader &dataset) {
    const size_t capacity = 2 * threads_;
    for (size_t index = 0;; ++index) {
      data::Record record;
      if (!dataset.next(record))
        return;
      std::unique_lock lock(mutex_);
      has_room_.wait(lock, [&] { return queue_.size() < capacity || error_; });
      if (error_)
        return;
      queue_.emplace_back(index, std::move(record));
      results_.emplace_back();
      has_work_.notify_one();
    }
  }

  void work() {
    try {
      interp::Interpreter interpreter(model_);
      RangeObserver observer(model_, slots_);
      for (;;) {
        std::pair<size_t, data::Record> job;
        {
          std::unique_lock lock(mutex_);
          has_work_.wait(lock, [&] { return !queue_.empty() || finished_reading_ || error_; });
          if (error_ || queue_.empty())
            return;
          job = std::move(queue_.front());
          queue_.pop_front();
        }
        has_room_.notify_one();
        auto ranges = run_record(model_, interpreter, observer, job.second);
        std::lock_guard lock(mutex_);
        results_[job.first] = std::move(ranges);
        ++done_;
        if (options_.progress)
          options_.progress(done_, std::nullopt);
      }
    } catch (...) {
      fail(std::current_exception());
    }
  }

  void fail(std::exception_ptr error) {
    {
      std::lock_guard lock(mutex_);
      if (!error_)
        error_ = error;
    }
    has_work_.notify_all();
    has_room_.notify_all();
  }

  const ir::Model &model_;
  const std::map<int32_t, size_t> &slots_;
  unsigned threads_;
  const RecordMinMaxOptions &options_;
  std::mutex mutex_;
  std::condition_variable has_work_, has_room_;
  std::deque<std::pair<size_t, data::Record>> queue_;
  std::vector<std::vector<Range>> results_; // indexed by record
  size_t done_ = 0;
  bool finished_reading_ = false;
  std::exception_ptr error_;
};

} // namespace

void record_minmax(ir::Model &model, data::DatasetReader &dataset, const RecordMinMaxOptions &options) {
  const auto slots = recorded_tensors(model);
  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::vector<Range>> per_record;
  if (threads == 1) {
    interp::Interpreter interpreter(model);
    RangeObserver observer(model, slots);
    data::Record record;
    const auto total = dataset.size();
    while (dataset.next(record)) {
      per_record.push_back(run_record(model, interpreter, observer, record));
      if (options.progress)
        options.progress(per_record.size(), total);
    }
  } else {
    per_record = ParallelRunner(model, slots, threads, options).run(dataset);
  }
  if (per_record.empty())
    throw InputError("the dataset has no records");

  for (const auto &[tensor, slot] : slots) {
    std::vector<float> mins, maxs;
    for (const auto &ranges : per_record) {
      mins.push_back(ranges[slot].min);
      maxs.push_back(ranges[slot].max);
    }
    ir::QuantParams params;
    params.min = {reduce(mins, options, true)};
    params.max = {reduce(maxs, options, false)};
    model.tensors[tensor].quant = params;
  }
}

} // namespace qgold::quant
